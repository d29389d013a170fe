package io.tusk.testkit.internal;

import io.tusk.testkit.PgUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One postgres process of a replication pair: its data directory, port, log and process, with
 * the file work streaming replication needs (PostgreSQL documentation, "Log-Shipping Standby
 * Servers": a base copy of the primary's data directory, {@code standby.signal} and
 * {@code primary_conninfo}).
 *
 * <p>Example: {@code ReplicaNode p = ReplicaNode.initPrimary(home, dir, log); p.start();}
 */
public final class ReplicaNode {
    /** The role the standby streams WAL as; it has the REPLICATION attribute only. */
    public static final String REPLICATOR = "tusk_replicator";
    /** The standby's application_name, which the primary's synchronous_standby_names names. */
    public static final String STANDBY_NAME = "tusk_standby";

    private final Path home;
    private final Path data;
    private final Path log;
    private volatile Process process;
    private volatile int port = -1;

    private ReplicaNode(Path home, Path data, Path log) {
        this.home = home;
        this.data = data;
        this.log = log;
    }

    /**
     * Runs initdb and writes a primary's configuration: WAL for a standby, prepared transactions
     * (they are replicated, and XA tests recover them on the promoted standby), trust on the
     * loopback address for every database and for {@code replication} connections.
     */
    public static ReplicaNode initPrimary(Path home, Path data, Path log, boolean synchronous) {
        EmbeddedServer.initdb(home, data, log);
        String hba = String.join("\n",
                "# TYPE  DATABASE     USER  ADDRESS       METHOD  -- written by tusk-testkit (replication pair)",
                "host    all          all   127.0.0.1/32  trust",
                "host    replication  all   127.0.0.1/32  trust", "");
        List<String> conf = List.of("", "# --- written by tusk-testkit (replication pair) ---",
                "listen_addresses = '127.0.0.1'",
                // No socket: the pair is reached over TCP only, and socket paths under target/ may be too long.
                "unix_socket_directories = ''",
                "max_connections = 250",
                "max_prepared_transactions = 20",
                "wal_level = replica",
                "max_wal_senders = 5",
                "hot_standby = on",
                // The standby reports its replay position often, so that lag readings are fresh.
                "wal_receiver_status_interval = 1s",
                "wal_retrieve_retry_interval = 200ms",
                "fsync = off",
                "full_page_writes = off",
                "logging_collector = off",
                "log_line_prefix = '%m [%p] %q%u@%d '",
                // remote_apply: a commit (and PREPARE TRANSACTION) returns once the standby replayed it,
                // so what a test saw committed is readable on the standby and survives a crash of the primary.
                synchronous ? "synchronous_standby_names = '" + STANDBY_NAME + "'" : "synchronous_standby_names = ''",
                synchronous ? "synchronous_commit = remote_apply" : "synchronous_commit = local",
                "");
        try {
            Files.writeString(data.resolve("pg_hba.conf"), hba);
            Files.writeString(data.resolve("postgresql.conf"), String.join("\n", conf), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the configuration of " + data, e);
        }
        return new ReplicaNode(home, data, log);
    }

    /**
     * Makes a standby from this node's data directory, which must belong to a cleanly stopped
     * server: a cold copy is a valid base backup because nothing changes it meanwhile.
     */
    public ReplicaNode copyAsStandby(Path standbyData, Path standbyLog) {
        if (isRunning()) {
            throw new IllegalStateException("The primary must be stopped before its data directory is copied");
        }
        try {
            copyTree(data, standbyData);
            Files.deleteIfExists(standbyData.resolve("postmaster.pid"));
            Files.createFile(standbyData.resolve("standby.signal"));
            List<String> conf = List.of("", "# --- standby (tusk-testkit) ---",
                    "primary_conninfo = 'host=127.0.0.1 port=" + port + " user=" + REPLICATOR
                            + " application_name=" + STANDBY_NAME + "'",
                    // Once promoted it has no standby of its own: waiting for one would block every commit.
                    "synchronous_standby_names = ''",
                    "");
            Files.writeString(standbyData.resolve("postgresql.conf"), String.join("\n", conf), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + data + " to " + standbyData, e);
        }
        return new ReplicaNode(home, standbyData, standbyLog);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(p));
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Starts postgres on {@code wantedPort} (or a free port when it is 0 or taken) and waits until it accepts connections. */
    public void start(int wantedPort) {
        if (isRunning()) {
            throw new IllegalStateException("postgres is already running on port " + port);
        }
        for (int attempt = 1; attempt <= 5; attempt++) {
            int p = wantedPort > 0 && attempt == 1 ? wantedPort : EmbeddedServer.freePort(false);
            Optional<Process> started = EmbeddedServer.launch(home, data, p, log, attempt == 5);
            if (started.isPresent()) {
                process = started.get();
                port = p;
                return;
            }
        }
    }

    /** A fast shutdown (SIGINT), waiting up to {@code graceSeconds} before SIGKILL. */
    public void stop(long graceSeconds) {
        Process p = process;
        if (p != null) {
            OsProcesses.stop(p.toHandle(), graceSeconds);
            p.toHandle().onExit().join();
        }
    }

    /**
     * Kills postgres and its backends with SIGKILL at once, as a machine losing power would: no
     * shutdown checkpoint, no goodbye to clients (their sockets are reset by the kernel).
     */
    public void kill() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        List<ProcessHandle> children = p.toHandle().descendants().toList();
        p.toHandle().destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        p.toHandle().onExit().join();
        for (ProcessHandle c : children) {
            c.onExit().join();
        }
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public int port() {
        return port;
    }

    public Path data() {
        return data;
    }

    public Path log() {
        return log;
    }

    /** The administrator's connection to {@code dbname} on this node (pgjdbc). */
    public java.sql.Connection admin(String dbname) throws java.sql.SQLException {
        return Jdbc.connect("127.0.0.1", port, dbname, PgUsers.ADMIN, null, "disable");
    }
}
