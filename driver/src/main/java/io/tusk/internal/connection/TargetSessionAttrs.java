package io.tusk.internal.connection;

import java.util.List;

/**
 * libpq's target_session_attrs: whether a server we connected to is the kind asked for. Servers
 * from PostgreSQL 14 report {@code in_hot_standby} and {@code default_transaction_read_only} at
 * start-up; for older ones we ask with a query.
 */
final class TargetSessionAttrs {
    private TargetSessionAttrs() {
    }

    static boolean accepts(String wanted, Session s) {
        if (wanted == null || wanted.equals("any") || wanted.equals("prefer-standby")) {
            return true;
        }
        return switch (wanted) {
            case "read-write" -> !readOnly(s);
            case "read-only" -> readOnly(s);
            case "primary" -> !inRecovery(s);
            case "standby" -> inRecovery(s);
            default -> true;
        };
    }

    static String refusal(String wanted) {
        return switch (wanted) {
            case "read-write" -> "session is read-only";
            case "read-only" -> "session is not read-only";
            case "primary" -> "server is in hot standby mode";
            case "standby" -> "server is not in hot standby mode";
            default -> "server does not match target_session_attrs=" + wanted;
        };
    }

    private static boolean readOnly(Session s) {
        String ro = s.parameters().get("default_transaction_read_only");
        String standby = s.parameters().get("in_hot_standby");
        if (ro != null && standby != null) {
            return ro.equals("on") || standby.equals("on");
        }
        return "on".equals(scalar(s, "SHOW transaction_read_only"));
    }

    private static boolean inRecovery(Session s) {
        String standby = s.parameters().get("in_hot_standby");
        if (standby != null) {
            return standby.equals("on");
        }
        return "t".equals(scalar(s, "SELECT pg_catalog.pg_is_in_recovery()"));
    }

    private static String scalar(Session s, String sql) {
        List<QueryResult> r = s.run(new QueryExchange(List.of(new io.tusk.internal.protocol.frontend.Query(sql)), 1));
        var row = r.get(0).rows().get(0);
        return row.isNull(0) ? null : new String(row.buffer(), row.offset(0), row.length(0), s.charset());
    }
}
