package io.tusk.internal.connection;

import java.util.Map;

/**
 * libpq's target_session_attrs: whether a server we connected to is the kind asked for. Servers
 * from PostgreSQL 14 report {@code in_hot_standby} and {@code default_transaction_read_only} at
 * start-up; for older ones we ask with a query. {@link ConnectPlan} applies it (and prefer-standby
 * as two passes: a standby first, then any server).
 */
final class TargetSessionAttrs {
    private TargetSessionAttrs() {
    }

    /**
     * The answer from the parameters the server reported at startup
     * ({@code default_transaction_read_only} and {@code in_hot_standby}, PostgreSQL 14+), or null
     * when only a query can tell ({@link #question}). Any, prefer-standby (whose passes
     * {@link ConnectPlan} turns into standby, then any) and unknown values accept.
     */
    static Boolean fromParameters(String wanted, Map<String, String> parameters) {
        if (wanted == null || wanted.equals("any") || wanted.equals("prefer-standby")) {
            return true;
        }
        String ro = parameters.get("default_transaction_read_only");
        String standby = parameters.get("in_hot_standby");
        return switch (wanted) {
            case "read-write" -> ro != null && standby != null ? !(ro.equals("on") || standby.equals("on")) : null;
            case "read-only" -> ro != null && standby != null ? ro.equals("on") || standby.equals("on") : null;
            case "primary" -> standby != null ? !standby.equals("on") : null;
            case "standby" -> standby != null ? standby.equals("on") : null;
            default -> true;
        };
    }

    /** The query that tells, for servers before 14: its one value goes to {@link #acceptsAnswer}. */
    static String question(String wanted) {
        return wanted.equals("read-write") || wanted.equals("read-only") ? "SHOW transaction_read_only"
                : "SELECT pg_catalog.pg_is_in_recovery()";
    }

    /** Whether the answer of {@link #question} is what {@code wanted} asks for. */
    static boolean acceptsAnswer(String wanted, String answer) {
        return switch (wanted) {
            case "read-write" -> !"on".equals(answer);
            case "read-only" -> "on".equals(answer);
            case "primary" -> !"t".equals(answer);
            case "standby" -> "t".equals(answer);
            default -> true;
        };
    }

    /** Why a session was passed over, as libpq says it. */
    static String refusal(String wanted) {
        return switch (wanted) {
            case "read-write" -> "session is read-only";
            case "read-only" -> "session is not read-only";
            case "primary" -> "server is in hot standby mode";
            case "standby" -> "server is not in hot standby mode";
            default -> "server does not match target_session_attrs=" + wanted;
        };
    }
}
