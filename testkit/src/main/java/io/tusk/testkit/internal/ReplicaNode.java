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
    public static ReplicaNode initPrimary(Path home, Path data, Path log) {
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
                "synchronous_commit = local",
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
     * Makes this (stopped) primary wait for the standby at each commit from its next start on.
     * {@code remote_apply}: a commit, or a PREPARE TRANSACTION, returns once the standby has
     * replayed it, so what a test saw committed is readable on the standby and survives a crash of
     * the primary. Only after the copy: the standby must not wait for a standby of its own, and
     * the primary's set-up must not wait for a standby that does not exist yet.
     */
    public void makeSynchronous() {
        try {
            Files.writeString(data.resolve("postgresql.conf"), String.join("\n", "",
                    "synchronous_standby_names = '" + STANDBY_NAME + "'",
                    "synchronous_commit = remote_apply", ""), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the configuration of " + data, e);
        }
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
                    "");
            Files.writeString(standbyData.resolve("postgresql.conf"), String.join("\n", conf), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + data + " to " + standbyData, e);
        }
        return new ReplicaNode(home, standbyData, standbyLog);
    }

    /**
     * Removes the pair directories ({@code pair-<pid>-<n>}) of test JVMs that are gone, stopping
     * their postgres processes first: a JVM killed by a timeout never closes its pairs.
     */
    public static void sweepStale(Path work) {
        if (!Files.isDirectory(work)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(work)) {
            for (Path pair : dirs.filter(d -> d.getFileName().toString().startsWith("pair-")).toList()) {
                String[] parts = pair.getFileName().toString().split("-");
                long owner;
                try {
                    owner = Long.parseLong(parts[1]);
                } catch (RuntimeException e) {
                    continue;
                }
                if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                for (String node : List.of("primary", "standby")) {
                    Path pidFile = pair.resolve(node).resolve("postmaster.pid");
                    try {
                        long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
                        String dataDir = pair.resolve(node).toString();
                        ProcessHandle.of(postmaster)
                                .filter(h -> h.info().commandLine().map(cl -> cl.contains(dataDir)).orElse(false))
                                .ifPresent(h -> OsProcesses.stop(h, 10));
                    } catch (IOException | RuntimeException e) {
                        // no server running there
                    }
                }
                FileTree.deleteQuietly(pair);
            }
        } catch (IOException e) {
            // leftovers only cost disk space
        }
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
        // Freeze them all first (SIGSTOP): a backend that saw its postmaster die would otherwise
        // send its client "terminating connection due to unexpected postmaster exit" (57P01),
        // which a machine that lost power never does.
        signal("STOP", List.of(p.toHandle()));
        List<ProcessHandle> children = p.toHandle().descendants().toList();
        signal("STOP", children);
        p.toHandle().destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        p.toHandle().onExit().join();
        for (ProcessHandle c : children) {
            c.onExit().join();
        }
    }

    private static void signal(String name, List<ProcessHandle> processes) {
        if (processes.isEmpty()) {
            return;
        }
        List<String> cmd = new java.util.ArrayList<>(List.of("kill", "-" + name));
        processes.forEach(h -> cmd.add(Long.toString(h.pid())));
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            // without kill(1) the SIGKILL below still ends the processes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
