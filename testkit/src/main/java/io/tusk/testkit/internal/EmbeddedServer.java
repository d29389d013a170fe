package io.tusk.testkit.internal;

import io.tusk.testkit.PgUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts a private PostgreSQL server for this JVM from the embedded binaries: initdb, TLS files,
 * pg_hba.conf, the postgres process on a free port, then the kit's roles and the shared database.
 *
 * <p>Example: {@code ServerHandle h = EmbeddedServer.start(Path.of("target/tusk-pg"), "17")}.
 *
 * <p>Layout under the work directory: {@code pg-<version>/} (binaries, shared by runs),
 * {@code run-<pid>/} (data, tls, socket, hba; deleted at exit) and {@code logs/postgres-<pid>.log}
 * (kept, for post-mortems). Run directories of JVMs that died without cleaning up are removed
 * (and their postgres stopped) by the next start.
 */
public final class EmbeddedServer {
    /** The database every test shares unless its class asks for a fresh one. */
    public static final String SHARED_DB = "tusk_test";
    private static final System.Logger LOG = System.getLogger("io.tusk.testkit");
    private static final long START_TIMEOUT_MS = 60_000;
    private static final int PORT_ATTEMPTS = 5;
    private static final int KEPT_LOGS = 20;

    private EmbeddedServer() {
    }

    /**
     * Starts the server.
     *
     * @param workdir where binaries, run files and logs go
     * @param expectedMajor the major version the build asked for ({@code tusk.pg.version}), or null
     */
    public static ServerHandle start(Path workdir, String expectedMajor) {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            throw new IllegalStateException("The embedded PostgreSQL of tusk-testkit runs on Linux x86-64 only: set "
                    + "TUSK_TEST_PG=<conninfo> to use an existing server on this system");
        }
        long started = System.nanoTime();
        Path work = workdir.toAbsolutePath().normalize();
        long pid = ProcessHandle.current().pid();
        Path runDir = work.resolve("run-" + pid);
        Path log = work.resolve("logs").resolve("postgres-" + pid + ".log");
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            sweepStale(work);
            pruneLogs(log.getParent());
            FileTree.deleteRecursively(runDir);
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the work directory " + work
                    + ": check that it is writable or set -Dtusk.pg.workdir", e);
        }
        // Key generation (RSA) and initdb take similar time: do them side by side.
        long[] tlsMillis = new long[1];
        CompletableFuture<TlsFiles> tlsFuture = CompletableFuture.supplyAsync(() -> {
            long t = System.nanoTime();
            TlsFiles files = TlsFiles.generate(runDir.resolve("tls"), PgUsers.CLIENT_KEY_PASSWORD.toCharArray());
            tlsMillis[0] = (System.nanoTime() - t) / 1_000_000;
            return files;
        });
        long t0 = System.nanoTime();
        Path home = Binaries.unpack(work);
        long unpackMillis = (System.nanoTime() - t0) / 1_000_000;
        Path data = runDir.resolve("data");
        t0 = System.nanoTime();
        initdb(home, data, log);
        long initdbMillis = (System.nanoTime() - t0) / 1_000_000;
        String major = readMajor(data);
        if (expectedMajor != null && !expectedMajor.isBlank() && !expectedMajor.strip().equals(major)) {
            throw new IllegalStateException("The build asked for PostgreSQL " + expectedMajor + " (tusk.pg.version) but "
                    + "the binaries on the class path are PostgreSQL " + major + ": build with -Dtusk.pg.version="
                    + expectedMajor + " so that the matching pg" + expectedMajor + " profile selects them");
        }
        TlsFiles tls;
        try {
            tls = tlsFuture.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
        }
        boolean ipv6 = ServerConfig.ipv6Loopback();
        ServerConfig.SocketDir socket;
        Path hba = runDir.resolve("pg_hba.conf");
        try {
            socket = ServerConfig.socketDir(runDir.resolve("sock"));
            if (socket.temporary()) {
                LOG.log(System.Logger.Level.INFO, "The Unix socket path under " + runDir + " would be too long for "
                        + "sun_path; using " + socket.path() + " instead");
            }
            Files.writeString(hba, ServerConfig.hba(ipv6));
            Files.writeString(data.resolve("postgresql.conf"),
                    ServerConfig.settings(ipv6, socket.path(), tls, hba),
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the server configuration under " + runDir, e);
        }

        t0 = System.nanoTime();
        Process process = null;
        int port = -1;
        for (int attempt = 1; process == null; attempt++) {
            port = freePort(ipv6);
            Optional<Process> p = launch(home, data, port, log, attempt == PORT_ATTEMPTS);
            if (p.isPresent()) {
                process = p.get();
            }
        }
        long launchMillis = (System.nanoTime() - t0) / 1_000_000;
        Process server = process;
        Path socketDir = socket.path();
        boolean temporarySocket = socket.temporary();
        Runnable stop = () -> {
            OsProcesses.stop(server.toHandle(), 15);
            FileTree.deleteQuietly(runDir);
            if (temporarySocket) {
                FileTree.deleteQuietly(socketDir);
            }
        };
        ServerHandle handle = new ServerHandle(ServerHandle.Kind.EMBEDDED, "127.0.0.1", port, PgUsers.ADMIN, null,
                "disable", SHARED_DB, socketDir, tls, log, stop);
        try {
            createRolesAndDatabase(handle);
        } catch (SQLException e) {
            stop.run();
            throw new IllegalStateException("The embedded PostgreSQL started but the kit could not create its roles: "
                    + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")\nLast lines of " + log + ":\n"
                    + FileTree.tail(log, 30), e);
        }
        LOG.log(System.Logger.Level.INFO, String.format("PostgreSQL %s started on 127.0.0.1:%d%s in %d ms (unpack %d, initdb %d, "
                + "certificates %d in parallel, postgres %d); socket %s, log %s", major, port, ipv6 ? " and [::1]" : "",
                (System.nanoTime() - started) / 1_000_000, unpackMillis, initdbMillis, tlsMillis[0], launchMillis,
                socketDir, log));
        return handle;
    }

    static void initdb(Path home, Path data, Path log) {
        List<String> cmd = OsProcesses.command(home.resolve("bin/initdb"), "-D", data.toString(), "-U", PgUsers.ADMIN,
                "-A", "trust", "-E", "UTF8", "--locale=C", "-N");
        int exit;
        try {
            exit = OsProcesses.run(cmd, log, 120);
        } catch (IOException e) {
            throw new IllegalStateException("Could not run initdb (" + String.join(" ", cmd) + "): " + e.getMessage()
                    + "\nLast lines of " + log + ":\n" + FileTree.tail(log, 30), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while initdb was running", e);
        }
        if (exit != 0) {
            String hint = OsProcesses.isRoot()
                    ? "initdb ran under 'unshare -U' because the JVM is root; if user namespaces are disabled "
                    + "(sysctl user.max_user_namespaces=0), run the build as another user or set TUSK_TEST_PG"
                    : "check that the work directory is writable and the binaries are complete (delete " + home
                    + " to unpack them again)";
            throw new IllegalStateException("initdb failed with exit code " + exit + ": " + hint + "\nLast lines of "
                    + log + ":\n" + FileTree.tail(log, 30));
        }
    }

    private static String readMajor(Path data) {
        try {
            return Files.readString(data.resolve("PG_VERSION")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("initdb left no PG_VERSION in " + data, e);
        }
    }

    /**
     * Starts postgres and waits until it accepts connections. Returns empty when it lost a race
     * for the port with another process (and {@code last} is false), so that the caller retries.
     */
    static Optional<Process> launch(Path home, Path data, int port, Path log, boolean last) {
        List<String> cmd = OsProcesses.command(home.resolve("bin/postgres"), "-D", data.toString(), "-p",
                Integer.toString(port));
        Process p;
        try {
            p = OsProcesses.builder(cmd, log).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + String.join(" ", cmd) + ": " + e.getMessage(), e);
        }
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        SQLException lastError = null;
        while (System.currentTimeMillis() < deadline) {
            if (!p.isAlive()) {
                String tail = FileTree.tail(log, 30);
                if (!last && (tail.contains("could not bind") || tail.contains("Address already in use")
                        || tail.contains("could not create lock file"))) {
                    return Optional.empty();
                }
                throw new IllegalStateException("PostgreSQL exited with code " + p.exitValue() + " while starting on port "
                        + port + ": read the log below; if the port is taken, run again (the kit picks a free port "
                        + "each time); if binaries are damaged, delete " + home + "\nLast lines of " + log + ":\n" + tail);
            }
            if (accepts(port)) {
                try {
                    Jdbc.connect("127.0.0.1", port, "postgres", PgUsers.ADMIN, null, "disable").close();
                    return Optional.of(p);
                } catch (SQLException e) {
                    // 57P03 cannot_connect_now: still starting up or recovering.
                    lastError = e;
                }
            }
            sleep(50);
        }
        OsProcesses.stop(p.toHandle(), 5);
        throw new IllegalStateException("PostgreSQL did not accept connections on 127.0.0.1:" + port + " within "
                + START_TIMEOUT_MS / 1000 + " s" + (lastError == null ? "" : " (last error: " + lastError.getMessage() + ")")
                + ": the machine may be overloaded; read the log below\nLast lines of " + log + ":\n"
                + FileTree.tail(log, 30));
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void createRolesAndDatabase(ServerHandle handle) throws SQLException {
        try (Connection c = Jdbc.connect(handle, "template1"); Statement st = c.createStatement()) {
            // PostgreSQL 15 took CREATE on schema public away from PUBLIC; the kit's roles create
            // tables in test databases, which are copies of template1.
            st.execute("GRANT ALL ON SCHEMA public TO PUBLIC");
        }
        try (Connection c = Jdbc.connect(handle, "postgres"); Statement st = c.createStatement()) {
            st.execute("SET password_encryption = 'scram-sha-256'");
            createRole(st, PgUsers.TRUST, null);
            createRole(st, PgUsers.SCRAM, PgUsers.SCRAM_PASSWORD);
            createRole(st, PgUsers.CLEARTEXT, PgUsers.CLEARTEXT_PASSWORD);
            createRole(st, PgUsers.SSL, PgUsers.SSL_PASSWORD);
            createRole(st, PgUsers.CERT, null);
            // The md5 method needs an MD5-hashed password; a SCRAM verifier would make the server
            // answer with SCRAM instead (pg_hba.conf docs, "md5").
            st.execute("SET password_encryption = 'md5'");
            createRole(st, PgUsers.MD5, PgUsers.MD5_PASSWORD);
            st.execute("RESET password_encryption");
            st.execute("CREATE DATABASE " + SHARED_DB);
        }
    }

    private static void createRole(Statement st, String name, String password) throws SQLException {
        st.execute("CREATE ROLE " + Jdbc.ident(name) + " LOGIN CREATEDB"
                + (password == null ? "" : " PASSWORD " + Jdbc.literal(password)));
    }

    /** A port free on 127.0.0.1 (and ::1 when used) at this moment. */
    static int freePort(boolean ipv6) {
        for (int i = 0; i < 20; i++) {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                port = s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not find a free TCP port on 127.0.0.1", e);
            }
            if (!ipv6) {
                return port;
            }
            try (ServerSocket s6 = new ServerSocket(port, 1, InetAddress.getByName("::1"))) {
                return s6.getLocalPort();
            } catch (IOException e) {
                // taken on ::1: try another
            }
        }
        throw new IllegalStateException("Could not find a TCP port free on both 127.0.0.1 and ::1");
    }

    /**
     * Removes run directories of JVMs that are gone, stopping their postgres if it is still
     * running (a test JVM killed by a timeout has no chance to run its shutdown hook).
     */
    private static void sweepStale(Path work) throws IOException {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(work, "run-*")) {
            for (Path run : runs) {
                long owner;
                try {
                    owner = Long.parseLong(run.getFileName().toString().substring(4));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (owner == ProcessHandle.current().pid() || ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                Path pidFile = run.resolve("data/postmaster.pid");
                if (Files.exists(pidFile)) {
                    try {
                        long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
                        String dataDir = run.resolve("data").toString();
                        ProcessHandle.of(postmaster)
                                .filter(h -> h.info().commandLine().map(cl -> cl.contains(dataDir)).orElse(false))
                                .ifPresent(h -> OsProcesses.stop(h, 10));
                    } catch (IOException | RuntimeException e) {
                        // unreadable pid file: just remove the directory
                    }
                }
                LOG.log(System.Logger.Level.INFO, "Removing " + run + " left by a test JVM that is gone");
                FileTree.deleteQuietly(run);
            }
        }
    }

    /** Keeps the most recent server logs only; each test JVM writes one. */
    private static void pruneLogs(Path logs) throws IOException {
        List<Path> all;
        try (java.util.stream.Stream<Path> files = Files.list(logs)) {
            all = files.filter(p -> p.getFileName().toString().startsWith("postgres-"))
                    .sorted(java.util.Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed())
                    .toList();
        }
        for (Path old : all.subList(Math.min(KEPT_LOGS, all.size()), all.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL to start", e);
        }
    }
}
