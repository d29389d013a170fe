package io.tusk.testkit;

import io.tusk.testkit.internal.FileTree;
import io.tusk.testkit.internal.OsProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * A PgBouncer (Debian's {@code pgbouncer} package) in front of the kit's server, started by a test
 * with its own ini file and user list in a temporary directory, on a free port of 127.0.0.1.
 *
 * <p>Example:
 * <pre>{@code
 * PgBouncer.assumeInstalled();
 * try (PgBouncer bouncer = PgBouncer.start(PgServer.get(), PgBouncer.PoolMode.TRANSACTION)) {
 *     Tusk.connect(bouncer.conninfo(db.dbname(), PgUsers.SCRAM) + " prepare_threshold=");
 * }
 * }</pre>
 *
 * <p>Clients log in to PgBouncer with SCRAM ({@code auth_type = scram-sha-256}, pgbouncer.ini
 * docs) as the kit's {@link PgUsers#SCRAM} role, whose password is in the user list in plain
 * text, so that PgBouncer can log in to the server with it too. Every database of the server is
 * reachable ({@code * = host=... port=...}). Each server connection is shared by the clients
 * ({@code default_pool_size = 2}), so that in transaction mode two transactions of one client
 * may run on different server connections, as in production. The database {@link #NOWHERE}
 * leads to a port where nothing listens.
 */
public final class PgBouncer implements AutoCloseable {
    /** A database PgBouncer knows but whose server is down: a pooler that cannot reach its server. */
    public static final String NOWHERE = "tusk_nowhere";
    /** The Debian package that provides the binary. */
    public static final String PACKAGE = "pgbouncer";
    private static final List<String> CANDIDATES = List.of("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer",
            "/usr/local/bin/pgbouncer");

    /** {@code pool_mode}: when a server connection goes back to the pool. */
    public enum PoolMode {
        /** After the client disconnects. */
        SESSION,
        /** After each transaction. */
        TRANSACTION
    }

    private final Path dir;
    private final Process process;
    private final int port;
    private final Path log;

    private PgBouncer(Path dir, Process process, int port, Path log) {
        this.dir = dir;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The pgbouncer binary, if installed. */
    public static Optional<Path> binary() {
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Skips the calling test (JUnit assumption) when pgbouncer is not installed, naming the package. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(binary().isPresent(), () -> "skipped: pgbouncer is not installed (install the Debian "
                + "package '" + PACKAGE + "': apt-get install " + PACKAGE + "; .ci/run does)");
    }

    /** Starts PgBouncer in front of {@code server} (which must be the kit's embedded one) and waits until it listens. */
    public static PgBouncer start(PgServer server, PoolMode mode) {
        assumeInstalled();
        server.assumeStandardSetup("PgBouncer logs in as the kit's SCRAM role");
        Path work = Path.of(System.getProperty("tusk.pg.workdir", "target/tusk-pg")).toAbsolutePath().normalize();
        Path dir;
        Path log;
        int port = Ports.unusedPort();
        try {
            Files.createDirectories(work.resolve("logs"));
            dir = Files.createTempDirectory(work, "pgbouncer-");
            // PgBouncer runs as an unprivileged user (or under unshare -U as root): it must read these files.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            log = work.resolve("logs").resolve(dir.getFileName() + ".log");
            Path users = dir.resolve("userlist.txt");
            Files.writeString(users, "\"" + PgUsers.SCRAM + "\" \"" + PgUsers.SCRAM_PASSWORD + "\"\n");
            String ini = String.join("\n",
                    "[databases]",
                    NOWHERE + " = host=127.0.0.1 port=" + Ports.unusedPort() + " dbname=" + NOWHERE,
                    "* = host=" + server.host() + " port=" + server.port(),
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    "auth_type = scram-sha-256",
                    "auth_file = " + users,
                    "pool_mode = " + mode.name().toLowerCase(Locale.ROOT),
                    "default_pool_size = 2",
                    "max_client_conn = 50",
                    // Tusk, like libpq, may send these at startup; PgBouncer refuses unknown ones unless told to ignore them.
                    "ignore_startup_parameters = extra_float_digits,options,search_path",
                    "server_tls_sslmode = disable",
                    "admin_users = " + PgUsers.SCRAM,
                    "");
            Files.writeString(dir.resolve("pgbouncer.ini"), ini);
            for (Path f : List.of(users, dir.resolve("pgbouncer.ini"))) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write PgBouncer's configuration under " + work, e);
        }
        List<String> cmd = OsProcesses.command(binary().orElseThrow(), dir.resolve("pgbouncer.ini").toString());
        Process p;
        try {
            p = OsProcesses.builder(cmd, log).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + String.join(" ", cmd) + ": " + e.getMessage(), e);
        }
        long deadline = System.currentTimeMillis() + 15_000;
        while (!listens(port)) {
            if (!p.isAlive() || System.currentTimeMillis() > deadline) {
                p.destroyForcibly();
                FileTree.deleteQuietly(dir);
                throw new IllegalStateException("PgBouncer did not start listening on 127.0.0.1:" + port
                        + "\nLast lines of " + log + ":\n" + FileTree.tail(log, 30));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while PgBouncer was starting", e);
            }
        }
        return new PgBouncer(dir, p, port, log);
    }

    private static boolean listens(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Always {@code 127.0.0.1}. */
    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** {@code host=127.0.0.1 port=<bouncer> dbname=<dbname> user=tusk_scram password=... sslmode=disable}. */
    public String conninfo(String dbname) {
        return "host=127.0.0.1 port=" + port + " dbname=" + dbname + " user=" + PgUsers.SCRAM + " password="
                + PgUsers.SCRAM_PASSWORD + " sslmode=disable";
    }

    /** PgBouncer's log. */
    public Path logFile() {
        return log;
    }

    /** Stops PgBouncer (SIGINT: it closes its connections at once) and deletes its directory. */
    @Override
    public void close() {
        OsProcesses.stop(process.toHandle(), 5);
        FileTree.deleteQuietly(dir);
    }
}
