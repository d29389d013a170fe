package io.tusk.jdbc.internal;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a {@code jdbc:tusk://host[:port][,host2[:port2]...]/dbname?key=value&...} URL as a
 * data source's bean properties hold them (pgjdbc's {@code serverNames}, {@code portNumbers},
 * {@code databaseName} and the rest), and the URL made back from them. Parsing the URL for a
 * connection is {@link JdbcUrl}'s job; this class only splits and joins it for the bean setters.
 */
public record DataSourceUrl(List<String> hosts, List<Integer> ports, String database, Map<String, String> query) {
    public static final String PREFIX = "jdbc:tusk:";

    /**
     * Splits {@code url}; a port left out is 0 (the default port).
     *
     * @throws IllegalArgumentException when it is not a {@code jdbc:tusk:} URL or a port is not a number
     */
    public static DataSourceUrl parse(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a Tusk JDBC URL: " + url
                    + " (expected jdbc:tusk://host[:port][,host2[:port2]...]/dbname?key=value&...)");
        }
        String rest = url.substring(PREFIX.length());
        Map<String, String> query = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String kv : rest.substring(q + 1).split("&")) {
                if (kv.isEmpty()) {
                    continue;
                }
                int eq = kv.indexOf('=');
                String k = eq < 0 ? kv : kv.substring(0, eq);
                String v = eq < 0 ? "" : kv.substring(eq + 1);
                query.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            }
            rest = rest.substring(0, q);
        }
        List<String> hosts = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        String database = null;
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
            int slash = rest.indexOf('/');
            String authority = slash < 0 ? rest : rest.substring(0, slash);
            if (slash >= 0 && slash + 1 < rest.length()) {
                database = percentDecode(rest.substring(slash + 1));
            }
            if (!authority.isEmpty()) {
                for (String hp : authority.split(",", -1)) {
                    splitHostPort(hp, url, hosts, ports);
                }
            }
        } else if (!rest.isEmpty()) {
            database = percentDecode(rest); // jdbc:tusk:dbname, as pgjdbc's jdbc:postgresql:dbname
        }
        return new DataSourceUrl(hosts, ports, database, query);
    }

    private static void splitHostPort(String hp, String url, List<String> hosts, List<Integer> ports) {
        String host = hp;
        String port = null;
        if (hp.startsWith("[")) {
            int close = hp.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed [ in the IPv6 host " + hp + " of " + hidePassword(url));
            }
            host = hp.substring(1, close);
            if (close + 1 < hp.length() && hp.charAt(close + 1) == ':') {
                port = hp.substring(close + 2);
            }
        } else {
            int colon = hp.lastIndexOf(':');
            if (colon >= 0) {
                host = hp.substring(0, colon);
                port = hp.substring(colon + 1);
            }
        }
        int p = 0;
        if (port != null && !port.isEmpty()) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the port " + port + " of " + host + " in " + hidePassword(url) + " is not a number");
            }
        }
        hosts.add(host);
        ports.add(p);
    }

    /**
     * {@code jdbc:tusk://h1:p1,h2:p2/db}: one port for every host, or one per host; a port of 0
     * is left out (the default port). No hosts and no port: {@code jdbc:tusk:} plus the database,
     * which leaves the host to the libpq environment (PGHOST, the service file).
     */
    public static String build(String[] hosts, int[] ports, String database) {
        StringBuilder b = new StringBuilder(PREFIX).append("//");
        int n = Math.max(hosts.length, ports.length == 1 ? 0 : ports.length);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            String h = i < hosts.length ? hosts[i] : "";
            b.append(h.indexOf(':') >= 0 ? "[" + h + "]" : h);
            int p = ports.length == 1 ? ports[0] : i < ports.length ? ports[i] : 0;
            if (p != 0) {
                b.append(':').append(p);
            }
        }
        if (n == 0 && ports.length == 1 && ports[0] != 0) {
            b.append(':').append(ports[0]);
        }
        b.append('/');
        if (database != null) {
            b.append(percentEncode(database));
        }
        return b.toString();
    }

    /** Appends {@code ?k=v&...} (URL-encoded) to {@code base}. */
    public static String withQuery(String base, Map<String, String> query) {
        StringBuilder b = new StringBuilder(base);
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            b.append(sep).append(percentEncode(e.getKey())).append('=').append(percentEncode(e.getValue()));
            sep = '&';
        }
        return b.toString();
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    static String percentEncode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }

    /** Percent-decoding that keeps '+' (a plus in a path is a plus, not a space). */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            int pct = s.indexOf('%', i);
            int end = pct < 0 ? s.length() : pct;
            byte[] plain = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
            out.write(plain, 0, plain.length);
            if (pct < 0) {
                break;
            }
            int hi = pct + 2 < s.length() ? Character.digit(s.charAt(pct + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(pct + 2), 16) : -1;
            if (lo >= 0) {
                out.write(hi * 16 + lo);
                i = pct + 3;
            } else {
                out.write('%');
                i = pct + 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The URL with the value of a {@code password} query parameter replaced, for error messages. */
    public static String hidePassword(String url) {
        return url == null ? null : url.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }
}
