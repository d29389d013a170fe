package io.tusk.jdbc.internal;

import io.tusk.conninfo.Conninfo;
import io.tusk.errors.ProgrammingException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the properties of a {@code jdbc:tusk:} URL into libpq key words and {@link JdbcSettings}:
 * libpq's key words pass through, pgjdbc's names are translated (see {@link JdbcProperties}).
 */
final class PropertyMapper {
    private PropertyMapper() {
    }

    static boolean isSecret(String key) {
        return key.equals("password") || key.equals("sslpassword");
    }

    /** {@code props} (URL query over {@code Properties}) and the URL's {@code location} (host, port, dbname) as a JdbcUrl. */
    static JdbcUrl map(Map<String, String> props, Map<String, String> location) throws SQLException {
        List<String> libpqKeys = Conninfo.keys();
        Map<String, String> libpq = new LinkedHashMap<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : props.entrySet()) {
            String key = e.getKey();
            if (libpqKeys.contains(key)) {
                libpq.put(key, e.getValue());
                continue;
            }
            JdbcProperties.Prop prop = JdbcProperties.get(key);
            if (prop == null) {
                String near = JdbcProperties.sameIgnoringCase(key, libpqKeys);
                throw JdbcUrl.error("unknown connection property \"" + key + "\""
                        + (near != null ? ": did you mean \"" + near + "\"?" : ": use a libpq key word (sslmode,"
                        + " application_name, connect_timeout, ...) or a pgjdbc property Tusk supports (see"
                        + " Driver.getPropertyInfo)"));
            }
            switch (prop.kind()) {
                case ALIAS -> aliases.put(key, e.getValue());
                case SETTING -> settings.put(key, e.getValue());
                case IGNORED -> { }
                case REFUSED -> throw JdbcUrl.error("connection property \"" + key + "\" is not supported by Tusk: "
                        + prop.description());
            }
        }
        for (Map.Entry<String, String> e : aliases.entrySet()) {
            translateAlias(e.getKey(), e.getValue(), libpq, props);
        }
        libpq.putAll(location); // what the URL writes before '?' wins
        Conninfo conninfo;
        try {
            conninfo = Conninfo.of(libpq);
        } catch (ProgrammingException e) {
            throw JdbcUrl.error(e.getMessage() + " in the jdbc:tusk: URL or its properties", e);
        }
        return JdbcUrl.of(conninfo, settings(settings));
    }

    /** One pgjdbc name into its libpq key word, unless the libpq key word itself was given. */
    private static void translateAlias(String key, String value, Map<String, String> libpq, Map<String, String> all)
            throws SQLException {
        switch (key) {
            case "ssl" -> {
                // pgjdbc 42 (SslMode.of): ssl=true or an empty ssl= means verify-full; ssl=false the default
                if (!libpq.containsKey("sslmode") && !all.containsKey("sslmode")
                        && (value.isEmpty() || bool(key, value))) {
                    libpq.put("sslmode", "verify-full");
                }
            }
            case "connectTimeout", "loginTimeout" -> {
                if (!all.containsKey("connect_timeout")) {
                    int seconds = nonNegative(key, value);
                    String other = libpq.get("connect_timeout");
                    // pgjdbc bounds the socket connect by one and the whole login by the other: the smaller applies
                    if (seconds > 0 && (other == null || Integer.parseInt(other) == 0 || seconds < Integer.parseInt(other))) {
                        libpq.put("connect_timeout", Integer.toString(seconds));
                    } else if (other == null) {
                        libpq.put("connect_timeout", Integer.toString(seconds));
                    }
                }
            }
            case "socketTimeout" -> putUnlessGiven("socket_timeout", Integer.toString(nonNegative(key, value)), libpq, all);
            case "targetServerType" -> putUnlessGiven("target_session_attrs", targetSessionAttrs(value), libpq, all);
            case "currentSchema" -> {
                if (!value.isEmpty()) {
                    // options is space-separated with backslash escapes (libpq "options")
                    String opt = "-csearch_path=" + value.replace("\\", "\\\\").replace(" ", "\\ ");
                    String options = libpq.get("options");
                    libpq.put("options", options == null || options.isBlank() ? opt : options + " " + opt);
                }
            }
            case "tcpKeepAlive" -> putUnlessGiven("keepalives", bool(key, value) ? "1" : "0", libpq, all);
            case "loadBalanceHosts" -> putUnlessGiven("load_balance_hosts", bool(key, value) ? "random" : "disable", libpq, all);
            default -> {
                JdbcProperties.Prop prop = JdbcProperties.get(key);
                putUnlessGiven(prop.target(), value, libpq, all);
            }
        }
    }

    private static void putUnlessGiven(String libpqKey, String value, Map<String, String> libpq, Map<String, String> all) {
        if (!all.containsKey(libpqKey)) {
            libpq.put(libpqKey, value);
        }
    }

    /** pgjdbc's {@code HostRequirement} names as libpq's target_session_attrs. */
    private static String targetSessionAttrs(String value) throws SQLException {
        switch (value) {
            case "any":
                return "any";
            case "primary":
            case "master":
                return "primary";
            case "secondary":
            case "slave":
                return "standby";
            case "preferSecondary":
            case "preferSlave":
                return "prefer-standby";
            case "preferPrimary":
                throw JdbcUrl.error("targetServerType=preferPrimary has no libpq counterpart: use primary, or list the"
                        + " primary first with targetServerType=any");
            default:
                throw JdbcUrl.error("invalid targetServerType value \"" + value + "\" (use any, primary, secondary or"
                        + " preferSecondary)");
        }
    }

    private static JdbcSettings settings(Map<String, String> s) throws SQLException {
        JdbcSettings d = JdbcSettings.DEFAULTS;
        String autosave = s.get("autosave");
        if (autosave != null && !autosave.equals("never")) {
            throw JdbcUrl.error("autosave=" + autosave + " is not supported by Tusk: it does not wrap statements in"
                    + " savepoints; use autosave=never (the default) and Connection.setSavepoint where needed");
        }
        String mode = s.get("preferQueryMode");
        if (mode != null && !List.of("extended", "extendedForPrepared", "extendedCacheEverything").contains(mode)) {
            throw JdbcUrl.error("preferQueryMode=" + mode + " is not supported by Tusk: it always binds parameters on the"
                    + " server (extended protocol); remove preferQueryMode");
        }
        return new JdbcSettings(
                s.containsKey("prepareThreshold") ? integer("prepareThreshold", s.get("prepareThreshold")) : d.prepareThreshold(),
                s.containsKey("preparedStatementCacheQueries")
                        ? Integer.valueOf(nonNegative("preparedStatementCacheQueries", s.get("preparedStatementCacheQueries")))
                        : d.preparedStatementCacheQueries(),
                s.containsKey("reWriteBatchedInserts") ? bool("reWriteBatchedInserts", s.get("reWriteBatchedInserts"))
                        : d.reWriteBatchedInserts(),
                s.containsKey("readOnly") ? bool("readOnly", s.get("readOnly")) : d.readOnly(),
                oneOf("readOnlyMode", s.get("readOnlyMode"), d.readOnlyMode()),
                s.containsKey("defaultRowFetchSize") ? nonNegative("defaultRowFetchSize", s.get("defaultRowFetchSize"))
                        : d.defaultRowFetchSize(),
                stringType(s.get("stringtype")),
                oneOf("escapeSyntaxCallMode", s.get("escapeSyntaxCallMode"), d.escapeSyntaxCallMode()),
                s.containsKey("quoteReturningIdentifiers") ? bool("quoteReturningIdentifiers", s.get("quoteReturningIdentifiers"))
                        : d.quoteReturningIdentifiers());
    }

    private static String stringType(String value) throws SQLException {
        if (value == null || value.equalsIgnoreCase("varchar")) {
            return null;
        }
        if (value.equalsIgnoreCase("unspecified")) {
            return "unspecified";
        }
        throw JdbcUrl.error("invalid stringtype value \"" + value + "\" (use varchar or unspecified)");
    }

    private static String oneOf(String key, String value, String dflt) throws SQLException {
        if (value == null) {
            return dflt;
        }
        JdbcProperties.Prop prop = JdbcProperties.get(key);
        if (!prop.choices().contains(value)) {
            throw JdbcUrl.error("invalid " + key + " value \"" + value + "\" (use one of " + String.join(", ", prop.choices()) + ")");
        }
        return value;
    }

    static boolean bool(String key, String value) throws SQLException {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw JdbcUrl.error("invalid " + key + " value \"" + value + "\" (use true or false)");
    }

    private static int integer(String key, String value) throws SQLException {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw JdbcUrl.error("invalid " + key + " value \"" + value + "\" (use a whole number)");
        }
    }

    private static int nonNegative(String key, String value) throws SQLException {
        int n = integer(key, value);
        if (n < 0) {
            throw JdbcUrl.error("invalid " + key + " value \"" + value + "\" (use 0 or more)");
        }
        return n;
    }
}
