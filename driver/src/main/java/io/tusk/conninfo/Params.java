package io.tusk.conninfo;

import io.tusk.errors.ProgrammingException;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table of connection parameter key words Tusk accepts, with their {@code PG*} environment
 * variables and the checks libpq applies to their values.
 *
 * <p>The order is libpq's {@code PQconninfoOptions} order (PostgreSQL 18, "Parameter Key Words"),
 * which is also the order new keys take in {@link Conninfo#make}. Values are checked with libpq's
 * own rules and messages ({@code invalid sslmode value: "x"}), so an error reads the same as from
 * {@code psql}.
 */
final class Params {

    /** One parameter key word: its name, its environment variable (or null) and its value check. */
    record Param(String name, String envVar, Check check) { }

    /** A check of one value; throws {@link ProgrammingException} naming key and value. */
    @FunctionalInterface
    interface Check {
        void check(String key, String value);
    }

    static final Check TEXT = (k, v) -> { };
    static final Check INT = Params::checkInt;
    static final Check PORTS = Params::checkPorts;
    static final Check REQUIRE_AUTH = RequireAuth::check;
    static final Check PROTOCOL = (k, v) -> ProtocolVersions.parse(k, v);
    static final Check TLS_VERSION = Params::checkTlsVersion;

    private static final Map<String, Param> BY_NAME = new LinkedHashMap<>();

    static {
        add("service", "PGSERVICE", TEXT);
        add("servicefile", "PGSERVICEFILE", TEXT);
        add("user", "PGUSER", TEXT);
        add("password", "PGPASSWORD", TEXT);
        add("passfile", "PGPASSFILE", TEXT);
        add("require_auth", "PGREQUIREAUTH", REQUIRE_AUTH);
        add("channel_binding", "PGCHANNELBINDING", oneOf("disable", "prefer", "require"));
        add("connect_timeout", "PGCONNECT_TIMEOUT", INT);
        add("dbname", "PGDATABASE", TEXT);
        add("host", "PGHOST", TEXT);
        add("hostaddr", "PGHOSTADDR", TEXT);
        add("port", "PGPORT", PORTS);
        add("client_encoding", "PGCLIENTENCODING", TEXT);
        add("options", "PGOPTIONS", TEXT);
        add("application_name", "PGAPPNAME", TEXT);
        add("fallback_application_name", null, TEXT);
        add("keepalives", null, INT);
        add("keepalives_idle", null, INT);
        add("keepalives_interval", null, INT);
        add("keepalives_count", null, INT);
        add("tcp_user_timeout", null, INT);
        // Not libpq's: pgjdbc's socketTimeout, in seconds; placed beside the other socket settings.
        add("socket_timeout", null, INT);
        add("gssencmode", "PGGSSENCMODE", oneOf("disable", "prefer", "require"));
        add("krbsrvname", "PGKRBSRVNAME", TEXT);
        add("gsslib", "PGGSSLIB", oneOf("gssapi", "sspi"));
        add("sslmode", "PGSSLMODE",
                oneOf("disable", "allow", "prefer", "require", "verify-ca", "verify-full"));
        add("sslnegotiation", "PGSSLNEGOTIATION", oneOf("postgres", "direct"));
        add("sslcert", "PGSSLCERT", TEXT);
        add("sslkey", "PGSSLKEY", TEXT);
        add("sslpassword", null, TEXT);
        add("sslcertmode", "PGSSLCERTMODE", oneOf("disable", "allow", "require"));
        add("sslrootcert", "PGSSLROOTCERT", TEXT);
        add("sslcrl", "PGSSLCRL", TEXT);
        add("sslcrldir", "PGSSLCRLDIR", TEXT);
        add("sslsni", "PGSSLSNI", TEXT);
        add("ssl_min_protocol_version", "PGSSLMINPROTOCOLVERSION", TLS_VERSION);
        add("ssl_max_protocol_version", "PGSSLMAXPROTOCOLVERSION", TLS_VERSION);
        add("min_protocol_version", "PGMINPROTOCOLVERSION", PROTOCOL);
        add("max_protocol_version", "PGMAXPROTOCOLVERSION", PROTOCOL);
        add("target_session_attrs", "PGTARGETSESSIONATTRS",
                oneOf("any", "read-write", "read-only", "primary", "standby", "prefer-standby"));
        add("load_balance_hosts", "PGLOADBALANCEHOSTS", oneOf("disable", "random"));
    }

    /**
     * libpq key words Tusk knows but does not implement. They get their own message, because
     * "invalid connection option" would wrongly suggest a typo in a string that works with psql.
     */
    private static final Set<String> UNSUPPORTED = Set.of(
            "requiressl", "sslcompression", "sslkeylogfile", "requirepeer",
            "gssdelegation", "replication", "oauth_issuer", "oauth_client_id", "oauth_client_secret",
            "oauth_scope", "scram_client_key", "scram_server_key");

    /** Parameters whose values are secrets: never shown by {@link Conninfo#toString()}. */
    static final Set<String> SECRETS = Set.of("password", "sslpassword");

    private static final List<String> NAMES = List.copyOf(BY_NAME.keySet());

    private Params() {
    }

    private static void add(String name, String envVar, Check check) {
        BY_NAME.put(name, new Param(name, envVar, check));
    }

    /** Every key word, in libpq's order. */
    static List<String> names() {
        return NAMES;
    }

    /** Every key word's parameter, in libpq's order. */
    static Iterable<Param> all() {
        return Collections.unmodifiableCollection(BY_NAME.values());
    }

    /** The position of a key in libpq's order, used to order new keys in {@link Conninfo#make}. */
    static int order(String key) {
        return NAMES.indexOf(key);
    }

    /**
     * Checks a key word and its value as libpq's {@code conninfo_storeval} and
     * {@code pqConnectOptions2} would; {@code where} (may be empty) tells the user where it was
     * found, e.g. " at position 12".
     */
    static void check(String key, String value, String where) {
        param(key, where).check().check(key, value);
    }

    /** The parameter of a key word; throws for a key word Tusk does not accept. */
    static Param param(String key, String where) {
        Param param = BY_NAME.get(key);
        if (param == null) {
            if (UNSUPPORTED.contains(key)) {
                throw new ProgrammingException("connection option \"" + key + "\"" + where
                        + " is a libpq option that Tusk does not support: remove it from the connection string");
            }
            throw new ProgrammingException("invalid connection option \"" + key + "\"" + where);
        }
        return param;
    }

    /** A check accepting exactly the given words, as libpq's {@code invalid %s value: "%s"}. */
    static Check oneOf(String... allowed) {
        List<String> words = Arrays.asList(allowed);
        return (key, value) -> {
            if (!words.contains(value)) {
                throw invalidValue(key, value, "use one of " + String.join(", ", words));
            }
        };
    }

    static ProgrammingException invalidValue(String key, String value, String fix) {
        return new ProgrammingException("invalid " + key + " value: \"" + value + "\" (" + fix + ")");
    }

    /**
     * libpq's {@code pqParseIntParam}: a decimal {@code int}, surrounding whitespace allowed, an
     * empty value rejected.
     */
    static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ProgrammingException("invalid integer value \"" + value
                    + "\" for connection option \"" + key + "\"", e);
        }
    }

    private static void checkInt(String key, String value) {
        parseInt(key, value);
    }

    /** A port list: empty elements mean the default port (libpq's {@code DEF_PGPORT}). */
    private static void checkPorts(String key, String value) {
        for (String port : split(value)) {
            if (!port.isEmpty()) {
                parsePort(port);
            }
        }
    }

    /** One port number, 1 to 65535, as libpq checks it before connecting. */
    static int parsePort(String port) {
        int number = parseInt("port", port);
        if (number < 1 || number > 65535) {
            throw new ProgrammingException("invalid port number: \"" + port + "\" (use 1 to 65535)");
        }
        return number;
    }

    /**
     * libpq's {@code parse_comma_separated_list}: split at every comma, no escapes, no trimming;
     * {@code "a,"} is two elements, the second empty.
     */
    static List<String> split(String list) {
        return List.of(list.split(",", -1));
    }

    /** The order of a TLS version name, or -1 for a name libpq does not know. */
    static int tlsVersionRank(String version) {
        return List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3").indexOf(version);
    }

    /** libpq's {@code sslVerifyProtocolVersion}: empty means "no bound". */
    private static void checkTlsVersion(String key, String value) {
        if (!value.isEmpty() && tlsVersionRank(value) < 0) {
            throw new ProgrammingException("invalid \"" + key + "\" value: \"" + value
                    + "\" (use one of TLSv1, TLSv1.1, TLSv1.2, TLSv1.3)");
        }
    }
}
