package io.tusk.jdbc.internal;

import io.tusk.conninfo.Conninfo;
import io.tusk.errors.ProgrammingException;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A {@code jdbc:tusk:} URL with its properties, parsed into a libpq connection string
 * ({@link Conninfo}) and the JDBC-only {@link JdbcSettings}.
 *
 * <pre>
 * jdbc:tusk://host[:port][,host2[:port2]...]/dbname?key=value&amp;...
 * jdbc:tusk://[::1]:5432/db            IPv6 in brackets
 * jdbc:tusk:dbname                      host, port, user... from the PG* variables, as libpq
 * jdbc:tusk:                            everything from the libpq environment
 * </pre>
 *
 * <p>Keys are libpq's key words (passed through) or pgjdbc's property names (see
 * {@link JdbcProperties}). As in pgjdbc ({@code Driver.parseURL} lays the URL's values over the
 * {@code Properties}), a key given both in the URL and in the {@code Properties} takes the URL's
 * value; host, port and database written before the {@code ?} win over the same keys given as
 * properties. Where a libpq key word and a pgjdbc alias of it are both given, the libpq one wins.
 * What neither leaves set comes from the environment ({@code PG*} variables, service file,
 * {@code ~/.pgpass}), as for {@code Tusk.connect}.
 *
 * <p>Query values are decoded as pgjdbc decodes them ({@link URLDecoder}: {@code %xx} and
 * {@code +} for a space); host and database names are percent-decoded only. Every error is an
 * {@link SQLNonTransientConnectionException} with SQLSTATE 08001 (pgjdbc's for a bad property
 * value), naming the key; a password never appears in a message nor in {@link #toString()}.
 */
public final class JdbcUrl {
    static final String PREFIX = "jdbc:tusk:";

    private final Conninfo conninfo;
    private final JdbcSettings settings;

    private JdbcUrl(Conninfo conninfo, JdbcSettings settings) {
        this.conninfo = conninfo;
        this.settings = settings;
    }

    /** The libpq connection string of {@code url} and {@code info}, password included: for {@code Tusk.connect}. */
    public static String toConninfo(String url, Properties info) throws SQLException {
        return parse(url, info).conninfoString();
    }

    /**
     * Parses {@code url} and {@code info} (either may hold the properties; null {@code info} is
     * none).
     *
     * @throws SQLException (08001) for a malformed URL, an unknown or refused key, or a bad value
     */
    public static JdbcUrl parse(String url, Properties info) throws SQLException {
        if (url == null || !url.startsWith(PREFIX)) {
            throw error("not a jdbc:tusk: URL: " + safeUrl(url));
        }
        Map<String, String> props = new LinkedHashMap<>();
        if (info != null) {
            for (String name : info.stringPropertyNames()) {
                props.put(name, info.getProperty(name));
            }
        }
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        if (q >= 0) {
            query(rest.substring(q + 1), props);
            rest = rest.substring(0, q);
        }
        Map<String, String> location = location(rest);
        return PropertyMapper.map(props, location);
    }

    /** The settings of a URL on its own, or the defaults when it is not one this class can read. */
    static JdbcSettings settingsOf(String url) {
        try {
            return url != null && url.startsWith(PREFIX) ? parse(url, null).settings() : JdbcSettings.DEFAULTS;
        } catch (SQLException e) {
            return JdbcSettings.DEFAULTS;
        }
    }

    static JdbcUrl of(Conninfo conninfo, JdbcSettings settings) {
        return new JdbcUrl(conninfo, settings);
    }

    /** The connection string, password included. */
    public String conninfoString() {
        return conninfo.toConninfoString();
    }

    public Conninfo conninfo() {
        return conninfo;
    }

    public JdbcSettings settings() {
        return settings;
    }

    /**
     * This URL with {@code connect_timeout} set to {@code seconds} when nothing set it and
     * {@code seconds > 0}: how {@code DriverManager.setLoginTimeout} reaches the connection.
     */
    public JdbcUrl withDefaultConnectTimeout(int seconds) {
        if (seconds <= 0 || conninfo.containsKey("connect_timeout")) {
            return this;
        }
        return new JdbcUrl(conninfo.with("connect_timeout", seconds), settings);
    }

    /** The connection string without secrets. */
    @Override
    public String toString() {
        return conninfo.toSafeString();
    }

    /** Host list, port list and database from what follows {@code jdbc:tusk:} up to the {@code ?}. */
    private static Map<String, String> location(String rest) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!rest.startsWith("//")) {
            // jdbc:tusk:dbname or jdbc:tusk:/dbname (pgjdbc's forms without a host) or jdbc:tusk:
            String db = rest.startsWith("/") ? rest.substring(1) : rest;
            if (!db.isEmpty()) {
                out.put("dbname", percentDecode(db, "database name"));
            }
            return out;
        }
        String authority = rest.substring(2);
        int slash = authority.indexOf('/');
        if (slash >= 0) {
            String db = authority.substring(slash + 1);
            if (!db.isEmpty()) {
                out.put("dbname", percentDecode(db, "database name"));
            }
            authority = authority.substring(0, slash);
        }
        if (authority.isEmpty()) {
            return out;
        }
        if (authority.indexOf('@') >= 0) {
            // libpq's URIs take user:password@host; pgjdbc's (and these) do not. The part may hold a
            // password, so it is not repeated in the message.
            throw error("a jdbc:tusk: URL has no user@host part: give user and password as properties"
                    + " (?user=...&password=... or DriverManager.getConnection(url, user, password))");
        }
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        boolean anyPort = false;
        for (String spec : authority.split(",", -1)) {
            String host;
            String port = "";
            if (spec.startsWith("[")) {
                int close = spec.indexOf(']');
                if (close < 0) {
                    throw error("unclosed '[' in the host \"" + spec + "\" of the jdbc:tusk: URL: write an IPv6 address as [::1]:5432");
                }
                host = spec.substring(1, close);
                String after = spec.substring(close + 1);
                if (after.startsWith(":")) {
                    port = after.substring(1);
                } else if (!after.isEmpty()) {
                    throw error("unexpected \"" + after + "\" after the IPv6 address [" + host + "] in the jdbc:tusk: URL");
                }
            } else {
                int colon = spec.indexOf(':');
                if (colon >= 0 && spec.indexOf(':', colon + 1) >= 0) {
                    throw error("the host \"" + spec + "\" of the jdbc:tusk: URL has several ':': write an IPv6 address"
                            + " in brackets, as [" + spec + "] or [::1]:5432");
                }
                host = colon < 0 ? spec : spec.substring(0, colon);
                port = colon < 0 ? "" : spec.substring(colon + 1);
            }
            if (host.isEmpty() && authority.contains(",")) {
                throw error("an empty host in the host list \"" + authority + "\" of the jdbc:tusk: URL");
            }
            if (!port.isEmpty()) {
                checkPort(port);
                anyPort = true;
            }
            hosts.add(percentDecode(host, "host"));
            ports.add(port);
        }
        if (!String.join("", hosts).isEmpty()) {
            out.put("host", String.join(",", hosts));
        }
        if (anyPort) {
            // libpq: an empty element of the port list is the default port of that host
            out.put("port", String.join(",", ports));
        }
        return out;
    }

    private static void checkPort(String port) throws SQLException {
        try {
            int n = Integer.parseInt(port);
            if (n >= 1 && n <= 65535) {
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error("invalid port \"" + port + "\" in the jdbc:tusk: URL (use 1 to 65535)");
    }

    /** {@code info} and the URL's query as one map (the URL's values over the others), not checked. */
    static Map<String, String> rawProperties(String url, Properties info) throws SQLException {
        Map<String, String> props = new LinkedHashMap<>();
        if (info != null) {
            for (String name : info.stringPropertyNames()) {
                props.put(name, info.getProperty(name));
            }
        }
        int q = url == null ? -1 : url.indexOf('?');
        if (q >= 0) {
            query(url.substring(q + 1), props);
        }
        return props;
    }

    /** {@code key=value&...} into {@code props}, over what they hold; a key without {@code =} gets "" (as pgjdbc). */
    private static void query(String query, Map<String, String> props) throws SQLException {
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            key = formDecode(key, "a key", "");
            props.put(key, formDecode(value, "the value of \"" + key + "\"", key));
        }
    }

    private static String formDecode(String text, String what, String key) throws SQLException {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            String shown = PropertyMapper.isSecret(key) ? "" : " \"" + text + "\"";
            throw error("bad %-escape in " + what + shown + " of the jdbc:tusk: URL: write % as %25");
        }
    }

    /** RFC 3986 percent-decoding ({@code +} stays a plus), as UTF-8. */
    private static String percentDecode(String text, String what) throws SQLException {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw error("bad %-escape in the " + what + " \"" + text + "\" of the jdbc:tusk: URL: write % as %25");
                }
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** {@code url} for a message: its query (which may hold a password) left out. */
    static String safeUrl(String url) {
        if (url == null) {
            return "null";
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?...";
    }

    static SQLException error(String message) {
        return new SQLNonTransientConnectionException(message, JdbcErrors.UNABLE_TO_CONNECT);
    }

    static SQLException error(String message, ProgrammingException cause) {
        return new SQLNonTransientConnectionException(message, JdbcErrors.UNABLE_TO_CONNECT, cause);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
