package io.tusk.jdbc.internal;

import java.sql.SQLException;
import java.util.Properties;

/** A {@code jdbc:tusk:} URL and its properties as a libpq conninfo string (placeholder: host, port, dbname, user, password). */
public final class JdbcUrl {
    private JdbcUrl() {
    }

    public static String toConninfo(String url, Properties info) throws SQLException {
        String rest = url.substring("jdbc:tusk:".length());
        StringBuilder b = new StringBuilder();
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
            int slash = rest.indexOf('/');
            String hostPort = slash < 0 ? rest : rest.substring(0, slash);
            String db = slash < 0 ? "" : rest.substring(slash + 1);
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0) {
                b.append("host=").append(hostPort, 0, colon).append(" port=").append(hostPort.substring(colon + 1)).append(' ');
            } else if (!hostPort.isEmpty()) {
                b.append("host=").append(hostPort).append(' ');
            }
            if (!db.isEmpty()) {
                b.append("dbname=").append(db).append(' ');
            }
        }
        Properties all = new Properties();
        if (query != null) {
            for (String kv : query.split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    all.setProperty(kv.substring(0, eq), java.net.URLDecoder.decode(kv.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        if (info != null) {
            all.putAll(info);
        }
        for (String k : all.stringPropertyNames()) {
            b.append(k).append("='").append(all.getProperty(k).replace("\\", "\\\\").replace("'", "\\'")).append("' ");
        }
        return b.toString().trim();
    }
}
