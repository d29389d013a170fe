package io.tusk.testkit;

import io.tusk.testkit.internal.FileTree;
import io.tusk.testkit.internal.ReplicaNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A primary and a hot standby with streaming replication, started from the embedded binaries for
 * one test class (about 2–4 s) and stopped by {@link #close()}.
 *
 * <p>Example:
 * <pre>{@code
 * try (PgReplicaPair pair = PgReplicaPair.start()) {
 *     String both = pair.conninfo(PgUsers.TRUST) + " target_session_attrs=read-write";
 *     pair.primary().execute("CREATE TABLE t (id int)");
 *     pair.killPrimary();          // SIGKILL: a crash
 *     pair.promoteStandby();       // waits until the standby accepts writes
 * }
 * }</pre>
 *
 * <p>The standby is a cold copy of the cleanly stopped primary's data directory with
 * {@code standby.signal} and {@code primary_conninfo} (PostgreSQL documentation, "Setting Up a
 * Standby Server"); the embedded binaries have no {@code pg_basebackup}. Both servers listen on
 * free ports of 127.0.0.1, trust every role (no TLS, no socket) and allow prepared transactions.
 * By default replication is <em>synchronous</em> with {@code synchronous_commit=remote_apply}: a
 * commit returns once the standby has replayed it, so nothing a test saw committed is lost by a
 * crash of the primary. {@link #startAsynchronous()} gives the usual asynchronous set-up, where
 * {@link #lagBytes()} and {@link #waitForStandby(Duration)} matter.
 *
 * <p>The database {@link #DBNAME} and the kit's roles {@link PgUsers#ADMIN} and
 * {@link PgUsers#TRUST} exist on both; every role may use the tables the superuser creates there
 * (default privileges). {@link #primary()} and {@link #standby()} keep naming the
 * servers as they started: after {@link #promoteStandby()} the standby is the new primary.
 */
public final class PgReplicaPair implements AutoCloseable {
    /** The database created on the primary before the copy. */
    public static final String DBNAME = "tusk_test";
    private static final AtomicInteger PAIRS = new AtomicInteger();
    private static final System.Logger LOG = System.getLogger("io.tusk.testkit");

    private final Path dir;
    private final Node primary;
    private final Node standby;

    private PgReplicaPair(Path dir, ReplicaNode primary, ReplicaNode standby) {
        this.dir = dir;
        this.primary = new Node("primary", primary);
        this.standby = new Node("standby", standby);
    }

    /** Starts a pair with synchronous replication ({@code synchronous_commit=remote_apply}). */
    public static PgReplicaPair start() {
        return start(true);
    }

    /** Starts a pair with asynchronous replication: commits do not wait for the standby. */
    public static PgReplicaPair startAsynchronous() {
        return start(false);
    }

    private static PgReplicaPair start(boolean synchronous) {
        long t0 = System.nanoTime();
        Path work = Path.of(System.getProperty("tusk.pg.workdir", "target/tusk-pg")).toAbsolutePath().normalize();
        String name = "pair-" + ProcessHandle.current().pid() + "-" + PAIRS.incrementAndGet();
        Path dir = work.resolve(name);
        Path logs = work.resolve("logs");
        try {
            FileTree.deleteRecursively(dir);
            Files.createDirectories(dir);
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + dir, e);
        }
        ReplicaNode.sweepStale(work);
        Path home = io.tusk.testkit.internal.Binaries.unpack(work);
        ReplicaNode p = ReplicaNode.initPrimary(home, dir.resolve("primary"), logs.resolve(name + "-primary.log"));
        ReplicaNode s = null;
        try {
            p.start(0);
            try (Connection c = p.admin("postgres"); Statement st = c.createStatement()) {
                st.execute("CREATE ROLE " + ReplicaNode.REPLICATOR + " REPLICATION LOGIN");
                st.execute("CREATE ROLE " + PgUsers.TRUST + " LOGIN CREATEDB");
                st.execute("CREATE DATABASE " + DBNAME);
            }
            try (Connection c = p.admin(DBNAME); Statement st = c.createStatement()) {
                st.execute("GRANT ALL ON SCHEMA public TO PUBLIC");
                // Tables the superuser creates as fixtures are the test roles' to use.
                st.execute("ALTER DEFAULT PRIVILEGES GRANT ALL ON TABLES TO PUBLIC");
            }
            int port = p.port();
            p.stop(30);
            s = p.copyAsStandby(dir.resolve("standby"), logs.resolve(name + "-standby.log"));
            if (synchronous) {
                p.makeSynchronous();
            }
            p.start(port);
            if (p.port() != port) {
                throw new IllegalStateException("The primary could not get its port " + port + " back after the copy");
            }
            s.start(0);
            PgReplicaPair pair = new PgReplicaPair(dir, p, s);
            pair.awaitStreaming(Duration.ofSeconds(30));
            LOG.log(System.Logger.Level.INFO, String.format("Replication pair %s: primary 127.0.0.1:%d, standby 127.0.0.1:%d"
                    + " (%s) in %d ms", name, p.port(), s.port(), synchronous ? "synchronous" : "asynchronous",
                    (System.nanoTime() - t0) / 1_000_000));
            return pair;
        } catch (SQLException e) {
            p.kill();
            throw new IllegalStateException("The replication pair's primary started but could not be set up: "
                    + e.getMessage() + "\n" + FileTree.tail(p.log(), 30), e);
        } catch (RuntimeException e) {
            p.kill();
            if (s != null) {
                s.kill();
            }
            throw e;
        }
    }

    private void awaitStreaming(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if ("streaming".equals(primary.queryScalar("SELECT state FROM pg_stat_replication WHERE application_name = '"
                    + ReplicaNode.STANDBY_NAME + "'"))) {
                return;
            }
            sleep(50);
        }
        throw new IllegalStateException("The standby did not stream from the primary within " + timeout.toSeconds()
                + " s\nStandby log:\n" + FileTree.tail(standby.node.log(), 30));
    }

    /** The server that started as primary. */
    public Node primary() {
        return primary;
    }

    /** The server that started as hot standby (the primary after {@link #promoteStandby()}). */
    public Node standby() {
        return standby;
    }

    /** Always {@code 127.0.0.1}. */
    public String host() {
        return "127.0.0.1";
    }

    /**
     * A connection string naming both servers, primary first, e.g.
     * {@code host=127.0.0.1,127.0.0.1 port=5001,5002 dbname=tusk_test user=tusk_trust sslmode=disable};
     * add {@code target_session_attrs} or {@code load_balance_hosts} to it.
     */
    public String conninfo(String user) {
        return "host=127.0.0.1,127.0.0.1 port=" + primary.port() + "," + standby.port() + " dbname=" + DBNAME
                + " user=" + user + " sslmode=disable";
    }

    /**
     * Stops the primary with a fast shutdown (a planned switch-over: the standby has received
     * everything the primary wrote).
     */
    public void stopPrimary() {
        primary.node.stop(30);
    }

    /** Kills the primary and its backends with SIGKILL (a crash); connected clients see their sockets closed. */
    public void killPrimary() {
        primary.node.kill();
    }

    /**
     * Promotes the standby ({@code pg_promote()}, which waits) and returns once it accepts writes.
     * Returns how long it took.
     */
    public Duration promoteStandby() {
        long t0 = System.nanoTime();
        String promoted = standby.queryScalar("SELECT pg_promote(true, 60)");
        if (!"t".equals(promoted) && !"true".equals(promoted)) {
            throw new IllegalStateException("pg_promote() returned " + promoted + "\nStandby log:\n"
                    + FileTree.tail(standby.node.log(), 30));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (standby.isInRecovery()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The standby was still in recovery 30 s after pg_promote()");
            }
            sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** The primary's current WAL position ({@code pg_current_wal_lsn()}), e.g. {@code 0/3000148}. */
    public String primaryLsn() {
        return primary.queryScalar("SELECT pg_current_wal_lsn()");
    }

    /** The last WAL position the standby replayed ({@code pg_last_wal_replay_lsn()}). */
    public String standbyReplayLsn() {
        return standby.queryScalar("SELECT pg_last_wal_replay_lsn()");
    }

    /** How many bytes of WAL the standby has still to replay to reach the primary's current position. */
    public long lagBytes() {
        String lsn = primaryLsn();
        return Long.parseLong(standby.queryScalar("SELECT pg_wal_lsn_diff('" + lsn + "', pg_last_wal_replay_lsn())"));
    }

    /** Waits until the standby has replayed {@code lsn}; fails after {@code timeout}. */
    public void waitForReplay(String lsn, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!"t".equals(standby.queryScalar("SELECT pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The standby had replayed only up to " + standbyReplayLsn() + ", not "
                        + lsn + ", after " + timeout.toMillis() + " ms");
            }
            sleep(10);
        }
    }

    /** Waits until the standby has replayed everything the primary wrote so far. */
    public void waitForStandby(Duration timeout) {
        waitForReplay(primaryLsn(), timeout);
    }

    /** Stops both servers and deletes their data directories (the logs stay under {@code logs/}). */
    @Override
    public void close() {
        primary.node.stop(10);
        standby.node.stop(10);
        FileTree.deleteQuietly(dir);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the replication pair", e);
        }
    }

    /** One server of the pair; its queries run as the superuser on {@link #DBNAME}, each on its own connection. */
    public static final class Node {
        private final String role;
        private final ReplicaNode node;

        Node(String role, ReplicaNode node) {
            this.role = role;
            this.node = node;
        }

        /** The TCP port on 127.0.0.1. */
        public int port() {
            return node.port();
        }

        /** A connection string to this server alone. */
        public String conninfo(String user) {
            return "host=127.0.0.1 port=" + port() + " dbname=" + DBNAME + " user=" + user + " sslmode=disable";
        }

        /** {@code pg_is_in_recovery()}: true while a standby. */
        public boolean isInRecovery() {
            return "t".equals(queryScalar("SELECT pg_is_in_recovery()"));
        }

        /** True while the postgres process runs. */
        public boolean isRunning() {
            return node.isRunning();
        }

        /** Runs SQL as the superuser (autocommit). */
        public void execute(String sql) {
            try (Connection c = node.admin(DBNAME); Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw failure(sql, e);
            }
        }

        /** The first column of the first row as text, or null. */
        public String queryScalar(String sql) {
            List<String> column = queryColumn(sql);
            return column.isEmpty() ? null : column.get(0);
        }

        /** The first column of every row as text. */
        public List<String> queryColumn(String sql) {
            try (Connection c = node.admin(DBNAME); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            } catch (SQLException e) {
                throw failure(sql, e);
            }
        }

        /** The server log. */
        public Path logFile() {
            return node.log();
        }

        private IllegalStateException failure(String sql, SQLException e) {
            return new IllegalStateException("On the " + role + " (127.0.0.1:" + port() + "): " + sql + ": "
                    + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
        }

        @Override
        public String toString() {
            return role + " 127.0.0.1:" + port();
        }
    }
}
