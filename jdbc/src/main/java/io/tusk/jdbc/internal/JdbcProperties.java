package io.tusk.jdbc.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The properties a {@code jdbc:tusk:} URL (or {@code DriverManager}'s {@link java.util.Properties})
 * may hold besides libpq's own key words: pgjdbc's names, each either translated to a libpq key
 * word, kept as a {@link JdbcSettings} value, ignored (a pgjdbc tuning knob with no counterpart
 * whose absence changes no result) or refused (a pgjdbc feature whose silent absence would change
 * security or behaviour). The table also feeds {@code Driver.getPropertyInfo}.
 */
final class JdbcProperties {

    /** What a property does. */
    enum Kind {
        /** translated to the libpq key word {@code target} */
        ALIAS,
        /** a {@link JdbcSettings} value */
        SETTING,
        /** accepted and ignored */
        IGNORED,
        /** refused with {@code description} as the reason */
        REFUSED
    }

    /** One property: its pgjdbc name, what it does, the libpq key it becomes, a description, allowed values. */
    record Prop(String name, Kind kind, String target, String description, List<String> choices) {
    }

    private static final Map<String, Prop> BY_NAME = new LinkedHashMap<>();

    static {
        alias("user", "user", "The database user name (libpq user)");
        alias("password", "password", "The user's password (libpq password)");
        alias("ssl", "sslmode", "pgjdbc's ssl: true (or empty) means sslmode=verify-full unless sslmode is given, false leaves"
                + " sslmode to its default", "true", "false");
        alias("ApplicationName", "application_name", "The application name reported to the server (libpq application_name)");
        alias("connectTimeout", "connect_timeout", "Seconds to wait for each server address: TCP connect, TLS, start-up and"
                + " authentication (libpq connect_timeout); 0 waits for ever");
        alias("loginTimeout", "connect_timeout", "Seconds to wait for the connection to be made (libpq connect_timeout;"
                + " the smaller of connectTimeout and loginTimeout applies)");
        alias("socketTimeout", "socket_timeout", "Seconds a read from the server may block before the connection is"
                + " declared broken (Tusk's socket_timeout); 0 waits for ever");
        alias("targetServerType", "target_session_attrs", "Which server of several to use: any, primary (master),"
                + " secondary (slave), preferSecondary (preferSlave); libpq target_session_attrs. preferPrimary has no"
                + " libpq counterpart and is refused",
                "any", "primary", "master", "secondary", "slave", "preferSecondary", "preferSlave");
        alias("currentSchema", "options", "The schema search path the session starts with (sent as options=-csearch_path=...)");
        alias("tcpKeepAlive", "keepalives", "TCP keep-alive on the socket (libpq keepalives)", "true", "false");
        alias("loadBalanceHosts", "load_balance_hosts", "Try the hosts in random order (libpq load_balance_hosts=random)",
                "true", "false");
        alias("gssEncMode", "gssencmode", "GSSAPI encryption (libpq gssencmode)", "disable", "prefer", "require");
        alias("kerberosServerName", "krbsrvname", "The Kerberos service name (libpq krbsrvname)");
        alias("channelBinding", "channel_binding", "SCRAM channel binding (libpq channel_binding)", "disable", "prefer", "require");
        alias("sslNegotiation", "sslnegotiation", "How TLS starts (libpq sslnegotiation)", "postgres", "direct");
        alias("PGHOST", "host", "pgjdbc's internal name of the host list (libpq host)");
        alias("PGPORT", "port", "pgjdbc's internal name of the port list (libpq port)");
        alias("PGDBNAME", "dbname", "pgjdbc's internal name of the database (libpq dbname)");

        setting("prepareThreshold", "The execution at which a PreparedStatement is prepared on the server (default 5;"
                + " 0 never prepares)");
        setting("preparedStatementCacheQueries", "The most statements prepared on the server per connection (Tusk's"
                + " prepared_max, default 100)");
        setting("reWriteBatchedInserts", "Send batches of a plain INSERT as multi-row VALUES (default false)", "true", "false");
        setting("readOnly", "The connection starts read-only (default false)", "true", "false");
        setting("readOnlyMode", "What setReadOnly(true) does: ignore, transaction (BEGIN READ ONLY when autocommit is off;"
                + " default) or always (also the session's default_transaction_read_only in autocommit mode)",
                "ignore", "transaction", "always");
        setting("defaultRowFetchSize", "The fetch size statements start with (default 0: every row at once)");
        setting("stringtype", "How setString binds: varchar (default) or unspecified (an untyped literal the server"
                + " casts)", "varchar", "unspecified");
        setting("escapeSyntaxCallMode", "What {call ...} becomes: select (default), callIfNoReturn or call",
                "select", "callIfNoReturn", "call");
        setting("quoteReturningIdentifiers", "Quote the column names asked for as generated keys (default true)",
                "true", "false");
        setting("autosave", "Only never (the default) is supported: Tusk does not wrap statements in savepoints",
                "never");
        setting("preferQueryMode", "Only the extended protocol modes are supported (default extended)",
                "extended", "extendedForPrepared", "extendedCacheEverything");

        for (String name : List.of("loggerLevel", "loggerFile", "binaryTransfer", "binaryTransferEnable",
                "binaryTransferDisable", "preparedStatementCacheSizeMiB", "databaseMetadataCacheFields",
                "databaseMetadataCacheFieldsMiB", "sendBufferSize", "receiveBufferSize", "assumeMinServerVersion",
                "hostRecheckSeconds", "logUnclosedConnections", "disableColumnSanitiser", "tcpNoDelay", "unknownLength",
                "allowEncodingChanges", "logServerErrorDetail", "cancelSignalTimeout", "groupStartupParameters",
                "adaptiveFetch", "adaptiveFetchMinimum", "adaptiveFetchMaximum", "maxResultBuffer", "xmlFactoryFactory",
                "hideUnprivilegedObjects", "protocolVersion", "sslResponseTimeout", "cleanupSavepoints", "maxSendBufferSize")) {
            put(new Prop(name, Kind.IGNORED, null, "pgjdbc tuning knob; accepted and ignored by Tusk", List.of()));
        }

        refuse("sslfactory", "pgjdbc's SSLSocketFactory class: Tusk verifies TLS itself; use sslmode (require skips"
                + " certificate checks) and sslrootcert");
        refuse("sslfactoryarg", "an argument of pgjdbc's sslfactory; use sslrootcert");
        refuse("sslhostnameverifier", "pgjdbc's HostnameVerifier class: use sslmode=verify-ca to skip the host name check");
        refuse("sslpasswordcallback", "pgjdbc's CallbackHandler class: give sslpassword instead");
        refuse("socketFactory", "pgjdbc's SocketFactory class: Tusk opens its own sockets");
        refuse("socketFactoryArg", "an argument of pgjdbc's socketFactory");
        refuse("authenticationPluginClassName", "pgjdbc's authentication plugin: give the password (or a .pgpass"
                + " file) instead");
        refuse("localSocketAddress", "binding the client side of the socket is not supported");
        refuse("replication", "replication connections are not supported");
        refuse("jaasLogin", "Kerberos through JAAS is configured with the JDK's settings; remove jaasLogin");
        refuse("jaasApplicationName", "Kerberos through JAAS is configured with the JDK's settings; remove"
                + " jaasApplicationName");
        refuse("useSpnego", "SSPI/SPNEGO is not supported");
        refuse("sspiServiceClass", "SSPI is not supported");
    }

    private JdbcProperties() {
    }

    private static void put(Prop p) {
        BY_NAME.put(p.name(), p);
    }

    private static void alias(String name, String target, String description, String... choices) {
        put(new Prop(name, Kind.ALIAS, target, description, List.of(choices)));
    }

    private static void setting(String name, String description, String... choices) {
        put(new Prop(name, Kind.SETTING, null, description, List.of(choices)));
    }

    private static void refuse(String name, String reason) {
        put(new Prop(name, Kind.REFUSED, null, reason, List.of()));
    }

    /** The property called {@code name} (case as written), or null. */
    static Prop get(String name) {
        return BY_NAME.get(name);
    }

    /** Every property, aliases first, then settings, ignored and refused ones. */
    static Iterable<Prop> all() {
        return BY_NAME.values();
    }

    /** A property or libpq key word spelled like {@code name} in another case, for "did you mean". */
    static String sameIgnoringCase(String name, List<String> libpqKeys) {
        for (String known : BY_NAME.keySet()) {
            if (known.equalsIgnoreCase(name)) {
                return known;
            }
        }
        for (String known : libpqKeys) {
            if (known.equalsIgnoreCase(name) || known.replace("_", "").equalsIgnoreCase(name)) {
                return known;
            }
        }
        return null;
    }
}
