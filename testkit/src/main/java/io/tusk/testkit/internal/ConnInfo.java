package io.tusk.testkit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The few libpq connection parameters the kit needs from {@code TUSK_TEST_PG}: host, port, user,
 * password, dbname and sslmode, read from a {@code key=value} string or a {@code postgresql://} URI.
 *
 * <p>Example: {@code ConnInfo.parse("host=db.example port=5433 user=ci password='a b'")}.
 *
 * <p>This is a test-only reader following the syntax of PostgreSQL's "Connection Strings"
 * (libpq documentation, section 34.1.1); the driver has its own complete parser. Unknown keys are
 * kept in {@link #others()} and otherwise ignored.
 */
public final class ConnInfo {
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String dbname;
    private final String sslmode;
    private final Map<String, String> others;

    private ConnInfo(Map<String, String> params) {
        Map<String, String> p = new LinkedHashMap<>(params);
        String h = p.remove("host");
        this.host = h == null || h.isEmpty() ? "localhost" : h;
        String portText = p.remove("port");
        try {
            this.port = portText == null || portText.isEmpty() ? 5432 : Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + portText + "' in the connection string is not a number");
        }
        String u = p.remove("user");
        this.user = u == null || u.isEmpty() ? System.getProperty("user.name") : u;
        this.password = p.remove("password");
        String d = p.remove("dbname");
        this.dbname = d == null || d.isEmpty() ? this.user : d;
        this.sslmode = p.remove("sslmode");
        this.others = Map.copyOf(p);
    }

    /** Reads a {@code key=value} connection string or a {@code postgresql://} / {@code postgres://} URI. */
    public static ConnInfo parse(String conninfo) {
        String s = conninfo.strip();
        if (s.startsWith("postgresql://") || s.startsWith("postgres://")) {
            return new ConnInfo(parseUri(s));
        }
        return new ConnInfo(parseKeyValue(s));
    }

    private static Map<String, String> parseKeyValue(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            int keyStart = i;
            while (i < n && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            String key = s.substring(keyStart, i);
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= n || s.charAt(i) != '=') {
                throw new IllegalArgumentException("missing '=' after '" + key + "' in the connection string");
            }
            i++;
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '\'') {
                // Quoted value: backslash escapes the next character (libpq 34.1.1.1).
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quoted value for '" + key + "' in the connection string");
                    }
                    char c = s.charAt(i++);
                    if (c == '\'') {
                        break;
                    }
                    if (c == '\\' && i < n) {
                        c = s.charAt(i++);
                    }
                    value.append(c);
                }
            } else {
                while (i < n && !Character.isWhitespace(s.charAt(i))) {
                    char c = s.charAt(i++);
                    if (c == '\\' && i < n) {
                        c = s.charAt(i++);
                    }
                    value.append(c);
                }
            }
            out.put(key, value.toString());
        }
    }

    private static Map<String, String> parseUri(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        String rest = s.substring(s.indexOf("://") + 3);
        int q = rest.indexOf('?');
        String query = q < 0 ? "" : rest.substring(q + 1);
        rest = q < 0 ? rest : rest.substring(0, q);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        if (slash >= 0 && slash + 1 < rest.length()) {
            out.put("dbname", decode(rest.substring(slash + 1)));
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                out.put("user", decode(userInfo.substring(0, colon)));
                out.put("password", decode(userInfo.substring(colon + 1)));
            } else if (!userInfo.isEmpty()) {
                out.put("user", decode(userInfo));
            }
        }
        if (authority.contains(",")) {
            throw new IllegalArgumentException("the kit uses one server: give a single host in the connection URI");
        }
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' after the IPv6 address in the connection URI");
            }
            out.put("host", authority.substring(1, close));
            String after = authority.substring(close + 1);
            if (after.startsWith(":") && after.length() > 1) {
                out.put("port", after.substring(1));
            }
        } else if (!authority.isEmpty()) {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                out.put("host", decode(authority.substring(0, colon)));
                out.put("port", authority.substring(colon + 1));
            } else {
                out.put("host", decode(authority));
            }
        }
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return out;
    }

    private static String decode(String s) {
        // URLDecoder turns '+' into a space, which RFC 3986 userinfo/path do not; protect it.
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    /** The password, or null when the connection string has none. */
    public String password() {
        return password;
    }

    public String dbname() {
        return dbname;
    }

    /** The sslmode, or null when the connection string has none. */
    public String sslmode() {
        return sslmode;
    }

    /** Every other parameter of the connection string, unread. */
    public Map<String, String> others() {
        return others;
    }

    /** True when the host is a Unix-socket directory (an absolute path), which pgjdbc cannot reach. */
    public boolean isUnixSocket() {
        return host.startsWith("/") || host.startsWith("@");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "host=%s port=%d dbname=%s user=%s%s", host, port, dbname, user,
                password == null ? "" : " password=***");
    }
}
