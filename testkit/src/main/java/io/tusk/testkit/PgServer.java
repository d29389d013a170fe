package io.tusk.testkit;

import io.tusk.testkit.internal.FileTree;
import io.tusk.testkit.internal.Jdbc;
import io.tusk.testkit.internal.ServerHandle;
import io.tusk.testkit.internal.ServerLocator;
import io.tusk.testkit.internal.TlsFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of this test JVM (a libpq-style server a connection string points at),
 * started on first use and stopped when the JVM exits.
 *
 * <p>Example:
 * <pre>{@code
 * PgServer pg = PgServer.get();
 * try (Connection conn = Tusk.connect(pg.conninfo(PgUsers.SCRAM))) { ... }
 * pg.admin().execute("CREATE TABLE t (id int)");
 * }</pre>
 *
 * <p>By default this is a private server started from the embedded binaries, set up like a
 * production server: TLS with a test CA, the roles of {@link PgUsers} (one per authentication
 * method), {@code max_prepared_transactions=64}, a Unix socket. With {@code TUSK_TEST_PG} (or
 * {@code -Dtusk.test.pg}) it is an existing server, and with {@code -Dtusk.pg=docker} a container;
 * those lack the kit's roles and TLS files ({@link #hasStandardSetup()} is false), and the methods
 * that need them <em>skip</em> the calling test through a JUnit assumption instead of failing.
 */
public final class PgServer {
    private static final Object LOCK = new Object();
    private static PgServer instance;
    private static RuntimeException startFailure;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final ServerHandle handle;
    private final int versionNum;
    private final TestDatabase shared;

    PgServer(ServerHandle handle) {
        this.handle = handle;
        try (Connection c = Jdbc.connect(handle, handle.sharedDb()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            this.versionNum = Integer.parseInt(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to the test server (" + handle + "): " + e.getMessage()
                    + (handle.kind() == ServerHandle.Kind.EXISTING
                    ? "; check TUSK_TEST_PG / tusk.test.pg (host, port, user, password, dbname)" : ""), e);
        }
        this.shared = new TestDatabase(this, handle.sharedDb());
    }

    /**
     * The server of this JVM, started (or located) on the first call. A failed start is remembered,
     * and later calls fail with the same message rather than trying again for every test.
     */
    public static PgServer get() {
        synchronized (LOCK) {
            if (instance != null) {
                return instance;
            }
            if (startFailure != null) {
                throw new IllegalStateException("The test server failed to start earlier in this JVM: "
                        + startFailure.getMessage(), startFailure);
            }
            try {
                ServerHandle handle = ServerLocator.locate();
                Runtime.getRuntime().addShutdownHook(new Thread(handle::stop, "tusk-testkit-stop-postgres"));
                instance = new PgServer(handle);
                return instance;
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
    }

    /** A server object for an existing server, as {@code TUSK_TEST_PG} would give (for the kit's own tests). */
    static PgServer existing(String conninfo) {
        return new PgServer(ServerLocator.existing(conninfo));
    }

    /** True when the kit started this server itself from the embedded binaries. */
    public boolean isEmbedded() {
        return handle.kind() == ServerHandle.Kind.EMBEDDED;
    }

    /** True when the server has the kit's roles ({@link PgUsers}), TLS files and Unix socket. */
    public boolean hasStandardSetup() {
        return isEmbedded();
    }

    /** Skips the calling test (a JUnit assumption) unless the server is the kit's embedded one. */
    public void assumeEmbedded(String reason) {
        Assumptions.assumeTrue(isEmbedded(), () -> "skipped, needs the kit's embedded server: " + reason);
    }

    /** Skips the calling test unless the server has the kit's roles, TLS files and socket. */
    public void assumeStandardSetup(String reason) {
        Assumptions.assumeTrue(hasStandardSetup(), () -> "skipped, needs the kit's standard server setup: " + reason);
    }

    /** The host to connect to over TCP: {@code 127.0.0.1} for the embedded server. */
    public String host() {
        return handle.host();
    }

    /** The TCP port. */
    public int port() {
        return handle.port();
    }

    /** The directory holding the server's Unix socket {@code .s.PGSQL.<port>} (skips the test when unknown). */
    public Path unixSocketDir() {
        assumeStandardSetup("the server's Unix socket directory");
        return handle.socketDir();
    }

    /** The shared database, {@code tusk_test} on the embedded server. */
    public String dbname() {
        return shared.dbname();
    }

    /** The shared database as an object (what tests get without {@link FreshDatabase}). */
    public TestDatabase sharedDatabase() {
        return shared;
    }

    /**
     * Creates a new, empty database whose name starts with {@code tusk_<hint>}. The caller drops it
     * ({@code admin().dropDatabase(db.dbname())}); {@link FreshDatabase} does both for a test class.
     */
    public TestDatabase newDatabase(String hint) {
        String clean = hint.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (clean.length() > 30) {
            clean = clean.substring(0, 30);
        }
        String name = "tusk_" + clean + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        admin().createDatabase(name);
        return new TestDatabase(this, name);
    }

    /** The administrator's connection string to the shared database (works on every kind of server). */
    public String conninfo() {
        return shared.conninfo();
    }

    /**
     * A {@code key=value} connection string for {@code user} to the shared database, with the kit's
     * password for that role, e.g. {@code host=127.0.0.1 port=54321 dbname=tusk_test user=tusk_scram password=scram-secret}.
     */
    public String conninfo(String user) {
        return shared.conninfo(user);
    }

    /** A {@code postgresql://} URI for {@code user} to the shared database, with the kit's password. */
    public String uri(String user) {
        return shared.uri(user);
    }

    /** A pgjdbc URL for {@code user} to the shared database (for side-by-side comparisons and fixtures). */
    public String jdbcUrl(String user) {
        return shared.jdbcUrl(user);
    }

    /** The test CA certificate (PEM), for {@code sslrootcert}. Skips the test on a server without the kit's TLS. */
    public Path caFile() {
        return tls().caFile();
    }

    /** A CA certificate (PEM) unrelated to the server: {@code verify-ca} against it must fail. */
    public Path otherCaFile() {
        return tls().otherCaFile();
    }

    /** The server certificate (PEM): SAN DNS:localhost, IP:127.0.0.1, IP:::1. */
    public Path serverCert() {
        return tls().serverCert();
    }

    /** The client certificate of {@link PgUsers#CERT} (PEM, CN=tusk_cert), for {@code sslcert}. */
    public Path clientCert() {
        return tls().clientCert();
    }

    /** The client key, unencrypted PKCS#8 PEM, for {@code sslkey}. */
    public Path clientKey() {
        return tls().clientKey();
    }

    /** The client key, encrypted PKCS#8 PEM; its password is {@link PgUsers#CLIENT_KEY_PASSWORD}. */
    public Path clientKeyEncrypted() {
        return tls().clientKeyEncrypted();
    }

    /** The client key and certificate chain as PKCS#12; password {@link PgUsers#CLIENT_KEY_PASSWORD}. */
    public Path clientPkcs12() {
        return tls().clientPkcs12();
    }

    private TlsFiles tls() {
        assumeStandardSetup("the kit's TLS certificates");
        return handle.tls();
    }

    /** {@code server_version_num}, e.g. 170006 for 17.6. */
    public int serverVersionNum() {
        return versionNum;
    }

    /** The major version, e.g. 17. */
    public int majorVersion() {
        return versionNum / 10000;
    }

    /** Administration of the shared database through the superuser (or the TUSK_TEST_PG user). */
    public Admin admin() {
        return shared.admin();
    }

    /** The server log file of the embedded server (skips the test on other servers). */
    public Path logFile() {
        assumeEmbedded("the server log");
        return handle.logFile();
    }

    ServerHandle handle() {
        return handle;
    }

    String logTail(int lines) {
        return handle.logFile() == null ? "(the server log is not available: not the kit's embedded server)"
                : FileTree.tail(handle.logFile(), lines);
    }

    @Override
    public String toString() {
        return "PostgreSQL " + versionNum + " (" + handle + ")";
    }
}
