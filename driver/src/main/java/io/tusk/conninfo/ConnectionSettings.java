package io.tusk.conninfo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * The settings a connection uses, resolved from a connection string as libpq does before
 * connecting: explicit parameters, then the {@code service} entries, then the {@code PG*}
 * environment variables, then the defaults (PostgreSQL docs, "Environment Variables").
 *
 * <pre>{@code
 * ConnectionSettings s = Conninfo.parse("host=db1,db2 dbname=sales connect_timeout=5").resolve();
 * for (HostSpec host : s.connectionOrder(random)) {
 *     Optional<String> password = s.passwordFor(host);   // explicit password, else ~/.pgpass
 *     s.startupParameters();   // {user=alice, database=sales, client_encoding=UTF8}
 * }
 * s.warnings().forEach(log::warn);   // e.g. "password file ... has group or world access; ..."
 * }</pre>
 *
 * <p>Defaults: {@code user} is the operating-system user, {@code dbname} the user name,
 * {@code host} the first of {@code /var/run/postgresql} and {@code /tmp} holding a socket file for
 * the port (else {@code localhost}), {@code port} 5432, {@code sslmode} {@code prefer} (or
 * {@code verify-full} with {@code sslrootcert=system}), {@code channel_binding} {@code prefer},
 * {@code target_session_attrs} {@code any}, the TLS client files in {@code ~/.postgresql} when they
 * exist, protocol 3.0 only, client encoding UTF8. Instances are immutable; {@link #toString()}
 * shows no secret.
 */
public final class ConnectionSettings {

    private final Conninfo conninfo;
    private final List<HostSpec> hosts;
    private final String user;
    private final String dbname;
    private final String password;
    private final Path passfile;
    private final PassFile passFile;
    private final List<String> warnings;
    private final String service;
    private final Path serviceFile;
    private final Duration connectTimeout;
    private final SslMode sslMode;
    private final SslNegotiation sslNegotiation;
    private final GssEncMode gssEncMode;
    private final String krbSrvName;
    private final String gssLib;
    private final ChannelBinding channelBinding;
    private final String requireAuth;
    private final TargetSessionAttrs targetSessionAttrs;
    private final LoadBalanceHosts loadBalanceHosts;
    private final int minProtocolVersion;
    private final int maxProtocolVersion;
    private final boolean keepalives;
    private final Integer keepalivesIdle;
    private final Integer keepalivesInterval;
    private final Integer keepalivesCount;
    private final Duration tcpUserTimeout;
    private final Duration socketTimeout;
    private final boolean sslRootCertSystem;
    private final Path sslRootCert;
    private final Path sslCert;
    private final Path sslKey;
    private final String sslPassword;
    private final String sslCertMode;
    private final Path sslCrl;
    private final Path sslCrlDir;
    private final boolean sslSni;
    private final String sslMinProtocolVersion;
    private final String sslMaxProtocolVersion;
    private final String options;
    private final String applicationName;
    private final String clientEncoding;
    private final Map<String, String> startupParameters;

    /** Computed in libpq's {@code pqConnectOptions2} order, so the first error reported is libpq's. */
    ConnectionSettings(SettingsResolver r) {
        conninfo = Conninfo.of(r.values);
        hosts = HostList.expand(r.values.get("host"), r.values.get("hostaddr"), r.values.get("port"), r.env);
        user = r.user();
        String db = r.nonEmpty("dbname");
        dbname = db == null ? user : db;
        password = r.nonEmpty("password");
        passfile = r.passfile();
        List<String> found = new ArrayList<>(r.warnings);
        passFile = password == null ? PassFile.load(passfile, r.env, found) : PassFile.NONE;
        warnings = List.copyOf(found);
        requireAuth = r.nonEmpty("require_auth");
        String binding = r.values.get("channel_binding");
        channelBinding = binding == null ? ChannelBinding.PREFER : ChannelBinding.of(binding);
        sslRootCertSystem = "system".equals(r.values.get("sslrootcert"));
        sslMode = r.sslMode(sslRootCertSystem);
        sslNegotiation = r.sslNegotiation(sslMode);
        String[] tls = r.tlsRange();
        sslMinProtocolVersion = tls[0];
        sslMaxProtocolVersion = tls[1];
        sslCertMode = r.values.getOrDefault("sslcertmode", "allow");
        gssEncMode = r.gssEncMode();
        String srvName = r.nonEmpty("krbsrvname");
        krbSrvName = srvName == null ? "postgres" : srvName;
        gssLib = r.nonEmpty("gsslib");
        String target = r.values.get("target_session_attrs");
        targetSessionAttrs = target == null ? TargetSessionAttrs.ANY : TargetSessionAttrs.of(target);
        String balance = r.values.get("load_balance_hosts");
        loadBalanceHosts = balance == null ? LoadBalanceHosts.DISABLE : LoadBalanceHosts.of(balance);
        int[] protocols = r.protocolRange();
        minProtocolVersion = protocols[0];
        maxProtocolVersion = protocols[1];
        connectTimeout = r.connectTimeout();
        Integer keep = r.nonNegativeInt("keepalives");
        keepalives = keep == null || keep != 0;
        keepalivesIdle = r.nonNegativeInt("keepalives_idle");
        keepalivesInterval = r.nonNegativeInt("keepalives_interval");
        keepalivesCount = r.nonNegativeInt("keepalives_count");
        Integer userTimeout = r.nonNegativeInt("tcp_user_timeout");
        tcpUserTimeout = userTimeout == null || userTimeout == 0 ? null : Duration.ofMillis(userTimeout);
        Integer readSeconds = r.nonNegativeInt("socket_timeout");
        socketTimeout = readSeconds == null || readSeconds == 0 ? null : Duration.ofSeconds(readSeconds);
        sslRootCert = sslRootCertSystem ? null : r.sslFile("sslrootcert", "root.crt");
        sslCert = r.sslFile("sslcert", "postgresql.crt");
        sslKey = r.sslFile("sslkey", "postgresql.key");
        sslCrl = r.sslFile("sslcrl", "root.crl");
        sslCrlDir = r.sslFile("sslcrldir", null);
        sslPassword = r.nonEmpty("sslpassword");
        sslSni = "1".equals(r.values.getOrDefault("sslsni", "1"));
        options = r.nonEmpty("options");
        String app = r.nonEmpty("application_name");
        applicationName = app != null ? app : r.nonEmpty("fallback_application_name");
        clientEncoding = r.clientEncoding();
        service = r.nonEmpty("service");
        serviceFile = r.serviceFile;
        startupParameters = startupParameters(r.env);
    }

    /** The StartupMessage parameters in libpq's order ({@code build_startup_packet}). */
    private Map<String, String> startupParameters(Environment env) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("user", user);
        params.put("database", dbname);
        if (options != null) {
            params.put("options", options);
        }
        if (applicationName != null) {
            params.put("application_name", applicationName);
        }
        params.put("client_encoding", clientEncoding);
        // libpq's EnvironmentOptions: these variables become session settings at startup.
        String[][] fromEnvironment = {{"PGDATESTYLE", "datestyle"}, {"PGTZ", "timezone"}, {"PGGEQO", "geqo"}};
        for (String[] pair : fromEnvironment) {
            String value = env.getenv(pair[0]);
            if (value != null && !value.isEmpty()) {
                params.put(pair[1], value);
            }
        }
        return Collections.unmodifiableMap(params);
    }

    /**
     * The parameters as resolved before defaults: the connection string, the service entries and
     * the {@code PG*} variables merged. {@code conninfo().toSafeString()} is what
     * {@code ConnectionInfo.dsn()} shows.
     */
    public Conninfo conninfo() {
        return conninfo;
    }

    /** The servers to try, in the order given; never empty. */
    public List<HostSpec> hosts() {
        return hosts;
    }

    /**
     * The servers in the order to try them: as given, or shuffled with {@code random} when
     * {@code load_balance_hosts=random}.
     */
    public List<HostSpec> connectionOrder(Random random) {
        if (loadBalanceHosts == LoadBalanceHosts.DISABLE) {
            return hosts;
        }
        List<HostSpec> shuffled = new ArrayList<>(hosts);
        Collections.shuffle(shuffled, random);
        return Collections.unmodifiableList(shuffled);
    }

    /** The user name to log in as. */
    public String user() {
        return user;
    }

    /** The database to connect to. */
    public String dbname() {
        return dbname;
    }

    /** The password given by {@code password}, a service or {@code PGPASSWORD}; empty counts as none. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /**
     * The password to send to this server: the explicit one if given, else the first matching
     * line of the password file (where {@code localhost} also matches the default socket
     * directories, as libpq does for its own).
     */
    public Optional<String> passwordFor(HostSpec host) {
        if (password != null) {
            return Optional.of(password);
        }
        return passFile.lookup(passwordFileHost(host), host.port(), dbname, user);
    }

    /**
     * The password file, when the password for this server comes from it: libpq adds
     * {@code password retrieved from file "..."} to a failed login's message.
     */
    public Optional<Path> passwordFileUsedFor(HostSpec host) {
        if (password != null || passFile.file() == null
                || passFile.lookup(passwordFileHost(host), host.port(), dbname, user).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(passFile.file());
    }

    private static String passwordFileHost(HostSpec host) {
        if (HostList.isDefaultSocketDirectory(host)) {
            return "localhost";
        }
        return host.host().orElseGet(() -> host.hostaddr().orElseThrow());
    }

    /** The password file to look in: {@code passfile}, {@code PGPASSFILE} or {@code ~/.pgpass}. */
    public Optional<Path> passfile() {
        return Optional.ofNullable(passfile);
    }

    /** Warnings for the driver to log, such as a password file ignored for its permissions. */
    public List<String> warnings() {
        return warnings;
    }

    /** The connection service in use, if any. */
    public Optional<String> service() {
        return Optional.ofNullable(service);
    }

    /** The service file the service was read from. */
    public Optional<Path> serviceFile() {
        return Optional.ofNullable(serviceFile);
    }

    /** How long each connection attempt may take; empty to wait for ever. At least 2 seconds, as libpq. */
    public Optional<Duration> connectTimeout() {
        return Optional.ofNullable(connectTimeout);
    }

    /** {@code gssencmode}: whether to encrypt with GSSAPI (Kerberos); {@code prefer} by default. */
    public GssEncMode gssEncMode() {
        return gssEncMode;
    }

    /**
     * {@code krbsrvname}: the Kerberos service name of the server, {@code postgres} by default; the
     * client asks for a ticket for {@code krbsrvname/host@REALM}.
     */
    public String krbSrvName() {
        return krbSrvName;
    }

    /**
     * {@code gsslib}: {@code gssapi} or {@code sspi} as given. Tusk always uses the JDK's GSSAPI
     * (JGSS), as libpq does on systems without SSPI, so the value is only checked.
     */
    public Optional<String> gssLib() {
        return Optional.ofNullable(gssLib);
    }

    /** {@code sslmode}: whether and how to use TLS. */
    public SslMode sslMode() {
        return sslMode;
    }

    /** {@code sslnegotiation}: SSLRequest first, or direct TLS. */
    public SslNegotiation sslNegotiation() {
        return sslNegotiation;
    }

    /** {@code channel_binding}: whether SCRAM must bind to the TLS channel. */
    public ChannelBinding channelBinding() {
        return channelBinding;
    }

    /** The {@code require_auth} list as written (checked), e.g. {@code "scram-sha-256"} or {@code "!password,!md5"}. */
    public Optional<String> requireAuth() {
        return Optional.ofNullable(requireAuth);
    }

    /** {@code target_session_attrs}: which server of the list is acceptable. */
    public TargetSessionAttrs targetSessionAttrs() {
        return targetSessionAttrs;
    }

    /** {@code load_balance_hosts}: whether to try the hosts in a random order. */
    public LoadBalanceHosts loadBalanceHosts() {
        return loadBalanceHosts;
    }

    /** The lowest protocol version to accept, as sent in the StartupMessage: 196608 for 3.0, 196610 for 3.2. */
    public int minProtocolVersion() {
        return minProtocolVersion;
    }

    /**
     * The protocol version to ask for: 3.0 unless {@code max_protocol_version} says otherwise or
     * {@code min_protocol_version} is higher, as libpq 18.
     */
    public int maxProtocolVersion() {
        return maxProtocolVersion;
    }

    /** Whether to turn TCP keepalives on (the default). */
    public boolean keepalives() {
        return keepalives;
    }

    /** Seconds of idleness before the first keepalive; empty for the system default. */
    public OptionalInt keepalivesIdle() {
        return keepalivesIdle == null ? OptionalInt.empty() : OptionalInt.of(keepalivesIdle);
    }

    /** Seconds between unanswered keepalives; empty for the system default. */
    public OptionalInt keepalivesInterval() {
        return keepalivesInterval == null ? OptionalInt.empty() : OptionalInt.of(keepalivesInterval);
    }

    /** Unanswered keepalives before the connection is dead; empty for the system default. */
    public OptionalInt keepalivesCount() {
        return keepalivesCount == null ? OptionalInt.empty() : OptionalInt.of(keepalivesCount);
    }

    /**
     * {@code socket_timeout} (Tusk's, as pgjdbc's {@code socketTimeout}): how long a read on an
     * established connection may wait before the connection is broken; empty (0, the default)
     * waits for ever.
     */
    public Optional<Duration> socketTimeout() {
        return Optional.ofNullable(socketTimeout);
    }

    /** {@code tcp_user_timeout}; empty for the system default. The JDK cannot set it: accepted, not applied. */
    public Optional<Duration> tcpUserTimeout() {
        return Optional.ofNullable(tcpUserTimeout);
    }

    /**
     * The CA certificates to verify the server with: {@code sslrootcert}, else
     * {@code ~/.postgresql/root.crt} if it exists. Empty with {@code sslrootcert=system} (see
     * {@link #sslRootCertSystem()}) or when there is none; libpq then fails {@code verify-ca} and
     * {@code verify-full} connections, and so should the driver.
     */
    public Optional<Path> sslRootCert() {
        return Optional.ofNullable(sslRootCert);
    }

    /** Whether {@code sslrootcert=system}: verify against the platform's trusted roots. */
    public boolean sslRootCertSystem() {
        return sslRootCertSystem;
    }

    /** The client certificate: {@code sslcert}, else {@code ~/.postgresql/postgresql.crt} if it exists. */
    public Optional<Path> sslCert() {
        return Optional.ofNullable(sslCert);
    }

    /** The client key: {@code sslkey}, else {@code ~/.postgresql/postgresql.key} if it exists. */
    public Optional<Path> sslKey() {
        return Optional.ofNullable(sslKey);
    }

    /** The password of the client key. */
    public Optional<String> sslPassword() {
        return Optional.ofNullable(sslPassword);
    }

    /** {@code sslcertmode}: {@code disable}, {@code allow} (the default) or {@code require}. */
    public String sslCertMode() {
        return sslCertMode;
    }

    /** The certificate revocation list: {@code sslcrl}, else {@code ~/.postgresql/root.crl} if it exists. */
    public Optional<Path> sslCrl() {
        return Optional.ofNullable(sslCrl);
    }

    /** {@code sslcrldir}, a directory of revocation lists. */
    public Optional<Path> sslCrlDir() {
        return Optional.ofNullable(sslCrlDir);
    }

    /** Whether to send the host name in the TLS handshake (SNI); {@code sslsni=1}, the default. */
    public boolean sslSni() {
        return sslSni;
    }

    /** The lowest TLS version to allow, {@code TLSv1.2} by default; empty for no limit. */
    public Optional<String> sslMinProtocolVersion() {
        return Optional.ofNullable(sslMinProtocolVersion);
    }

    /** The highest TLS version to allow; empty for no limit (the default). */
    public Optional<String> sslMaxProtocolVersion() {
        return Optional.ofNullable(sslMaxProtocolVersion);
    }

    /** Command-line options for the server, e.g. {@code -c search_path=app}. */
    public Optional<String> options() {
        return Optional.ofNullable(options);
    }

    /** {@code application_name}, else {@code fallback_application_name}. */
    public Optional<String> applicationName() {
        return Optional.ofNullable(applicationName);
    }

    /** The client encoding to ask for; {@code UTF8} when unset or {@code auto}. */
    public String clientEncoding() {
        return clientEncoding;
    }

    /**
     * The user's parameters for the StartupMessage, in libpq's order: {@code user},
     * {@code database}, {@code options}, {@code application_name}, {@code client_encoding}, then
     * {@code datestyle}, {@code timezone} and {@code geqo} from {@code PGDATESTYLE}, {@code PGTZ}
     * and {@code PGGEQO}. Settings the driver itself needs are the driver's to add.
     */
    public Map<String, String> startupParameters() {
        return startupParameters;
    }

    /** A summary without secrets: hosts, user, database, sslmode. */
    @Override
    public String toString() {
        return "ConnectionSettings{hosts=" + hosts + ", user=" + user + ", dbname=" + dbname
                + ", sslmode=" + sslMode.value() + ", password=" + (password != null ? "(set)" : "(none)") + "}";
    }
}
