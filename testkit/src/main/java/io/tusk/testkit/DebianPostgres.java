package io.tusk.testkit;

import io.tusk.testkit.internal.FileTree;
import io.tusk.testkit.internal.Jdbc;
import io.tusk.testkit.internal.OsProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server from Debian's {@code postgresql-NN} package, started by a test with its own
 * {@code pg_hba.conf} and settings: for features the embedded binaries lack. The zonky binaries
 * of the embedded server are built without GSSAPI (their {@code postgres} answers {@code N} to
 * every GSSENCRequest and refuses {@code gss} lines in {@code pg_hba.conf}); Debian's server
 * links {@code libgssapi_krb5}.
 * <pre>{@code
 * try (DebianPostgres pg = DebianPostgres.start(
 *         "hostgssenc all all 127.0.0.1/32 gss include_realm=0\nhost all postgres 127.0.0.1/32 trust\n",
 *         Map.of("krb_server_keyfile", keytab.toString()))) {
 *     pg.execute("CREATE ROLE alice LOGIN");
 *     String conninfo = "host=localhost port=" + pg.port() + " dbname=postgres user=alice";
 * }
 * }</pre>
 *
 * <p>The server listens on {@code localhost} only (no Unix socket), runs under {@code unshare -U}
 * when the JVM is root (as the embedded one), and is stopped and deleted by {@link #close()}. The
 * superuser is {@code postgres}; the hba text must let it in over TCP with {@code trust}. Without
 * the package, {@link #start} skips the test with a JUnit assumption naming it.
 */
public final class DebianPostgres implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final Process process;
    private final String major;

    private DebianPostgres(Path dir, int port, Process process, String major) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.major = major;
    }

    /** The newest {@code /usr/lib/postgresql/NN/bin} holding a server, if any. */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> majors = Files.list(root)) {
            return majors.map(p -> p.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("postgres")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> parseMajor(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int parseMajor(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Runs initdb in a temporary directory and starts the server.
     *
     * @param hba the whole pg_hba.conf
     * @param settings extra postgresql.conf settings (values are quoted)
     */
    public static DebianPostgres start(String hba, Map<String, String> settings) {
        Optional<Path> found = binaries();
        Assumptions.assumeTrue(found.isPresent(), "Debian's PostgreSQL server is not installed: apt-get install -y"
                + " postgresql (bookworm: postgresql-15; .ci/run installs it)");
        Path bin = found.get();
        String major = bin.getParent().getFileName().toString();
        try {
            Path dir = Files.createTempDirectory("tusk-debian-pg-");
            Path log = dir.resolve("postgres.log");
            Path data = dir.resolve("data");
            run(OsProcesses.command(bin.resolve("initdb"), "-D", data.toString(), "-U", PgUsers.ADMIN, "-A", "trust",
                    "-E", "UTF8", "--locale=C", "-N"), log);
            Files.writeString(data.resolve("pg_hba.conf"), hba);
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                port = s.getLocalPort();
            }
            StringBuilder conf = new StringBuilder("\nlisten_addresses = 'localhost'\nport = " + port
                    + "\nunix_socket_directories = ''\nfsync = off\nmax_connections = 50\n");
            settings.forEach((k, v) -> conf.append(k).append(" = '").append(v.replace("'", "''")).append("'\n"));
            Files.writeString(data.resolve("postgresql.conf"), conf, StandardOpenOption.APPEND);
            Process p = OsProcesses.builder(OsProcesses.command(bin.resolve("postgres"), "-D", data.toString()), log).start();
            DebianPostgres pg = new DebianPostgres(dir, port, p, major);
            pg.awaitReady(log);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Debian's PostgreSQL from " + bin, e);
        }
    }

    private void awaitReady(Path log) {
        long deadline = System.currentTimeMillis() + 60_000;
        SQLException last = null;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Debian's postgres exited with code " + process.exitValue() + "\n"
                        + FileTree.tail(log, 30));
            }
            try (Connection c = Jdbc.connect("127.0.0.1", port, "postgres", PgUsers.ADMIN, null, "disable")) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("Debian's postgres did not accept connections within 60 s"
                + (last == null ? "" : " (" + last.getMessage() + ")") + "\n" + FileTree.tail(log, 30));
    }

    private static void run(List<String> cmd, Path log) throws IOException {
        int exit;
        try {
            exit = OsProcesses.run(new ArrayList<>(cmd), log, 120);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed with code " + exit + "\n" + FileTree.tail(log, 30));
        }
    }

    public int port() {
        return port;
    }

    /** The major version of the package, e.g. {@code "15"}. */
    public String major() {
        return major;
    }

    /** The server log, for failure messages. */
    public Path log() {
        return dir.resolve("postgres.log");
    }

    /** Runs SQL as the superuser {@code postgres} in database {@code postgres} (pgjdbc, never Tusk). */
    public void execute(String sql) {
        try (Connection c = Jdbc.connect("127.0.0.1", port, "postgres", PgUsers.ADMIN, null, "disable");
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        OsProcesses.stop(process.toHandle(), 15);
        FileTree.deleteQuietly(dir);
    }
}
