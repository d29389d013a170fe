package io.tusk.pooler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Notify;
import io.tusk.Tusk;
import io.tusk.Xid;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.OperationalException;
import io.tusk.testkit.FreshDatabase;
import io.tusk.testkit.PgBouncer;
import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real PgBouncer (Debian's package) in front of the test server, in session and in transaction
 * mode: what works unchanged, what needs prepared statements off, and what cannot work.
 */
@PgTest
@FreshDatabase
class PgBouncerIT {
    private static PgBouncer session;
    private static PgBouncer transaction;

    @BeforeAll
    static void start() {
        PgBouncer.assumeInstalled();
        session = PgBouncer.start(PgServer.get(), PgBouncer.PoolMode.SESSION);
        transaction = PgBouncer.start(PgServer.get(), PgBouncer.PoolMode.TRANSACTION);
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
        if (transaction != null) {
            transaction.close();
        }
    }

    private static int sum(Connection conn, int n) {
        return ((Number) conn.execute("SELECT 1 + %s::int", n).fetchone().get(0)).intValue();
    }

    @Test
    void sessionModeWorksUnchangedWithPreparedStatementsCopyAndListen(TestDatabase db) {
        db.admin().execute("CREATE TABLE s_items (id int, name text); GRANT ALL ON s_items TO PUBLIC");
        try (Connection conn = Tusk.connect(session.conninfo(db.dbname()));
                Connection other = Tusk.connect(session.conninfo(db.dbname()))) {
            conn.setPrepareThreshold(0);
            for (int i = 0; i < 10; i++) {
                assertEquals(1 + i, sum(conn, i));
                conn.commit();
            }
            assertEquals("1", conn.execute("SELECT count(*) FROM pg_prepared_statements").fetchone().getString(0));
            conn.copy("COPY s_items FROM STDIN", copy -> {
                copy.writeRow(1, "one");
                copy.writeRow(2, "two");
            });
            conn.commit();
            assertEquals("2", other.execute("SELECT count(*) FROM s_items").fetchone().getString(0));
            other.commit();
            conn.setAutocommit(true);
            other.setAutocommit(true);
            conn.execute("LISTEN s_channel");
            other.execute("NOTIFY s_channel, 'hello'");
            try (Stream<Notify> s = conn.notifies(Duration.ofSeconds(5), 1)) {
                assertEquals(List.of("hello"), s.map(Notify::payload).toList());
            }
        }
    }

    @Test
    void transactionModeWithPreparingOffRunsInterleavedTransactions(TestDatabase db) {
        try (Connection a = Tusk.connect(transaction.conninfo(db.dbname()));
                Connection b = Tusk.connect(transaction.conninfo(db.dbname()))) {
            a.setPrepareThreshold(null);
            b.setPrepareThreshold(null);
            for (int i = 0; i < 20; i++) {
                // a holds one server connection in its transaction while b runs: each transaction of
                // either may land on either server connection
                assertEquals(1 + i, sum(a, i));
                assertEquals(1 + i, sum(b, i));
                b.commit();
                a.commit();
            }
            assertEquals("0", a.execute("SELECT count(*) FROM pg_prepared_statements").fetchone().getString(0));
            a.commit();
        }
    }

    @Test
    void transactionModeWithPreparingOnFailsWithAnErrorNamingTheSettingToChange(TestDatabase db) {
        try (Connection a = Tusk.connect(transaction.conninfo(db.dbname()));
                Connection b = Tusk.connect(transaction.conninfo(db.dbname()))) {
            a.setPrepareThreshold(0);
            b.setPrepareThreshold(null);
            // a prepares its statement in one server session (X), then b's transaction holds X
            assertEquals(2, sum(a, 1));
            a.commit();
            b.execute("SELECT 1");
            // a's next transaction runs in the other server session (Y), where the statement does not exist
            a.execute("SELECT 2");
            DatabaseException e = assertThrows(DatabaseException.class, () -> sum(a, 2));
            System.out.println("transaction mode, prepared statement missing: " + e.getMessage());
            assertEquals("26000", e.diag().sqlstate(), e.getMessage());
            assertTrue(e.getMessage().contains("setPrepareThreshold(null)"), e.getMessage());
            assertTrue(e.getMessage().contains("pool_mode=transaction"), e.getMessage());
            a.rollback();
            b.rollback();
        }
    }

    @Test
    void twoPhaseCommitWorksThroughTransactionMode(TestDatabase db) {
        db.admin().execute("CREATE TABLE t_2pc (id int); GRANT ALL ON t_2pc TO PUBLIC");
        try (Connection conn = Tusk.connect(transaction.conninfo(db.dbname()));
                Connection other = Tusk.connect(transaction.conninfo(db.dbname()))) {
            conn.setPrepareThreshold(null);
            other.setPrepareThreshold(null);
            Xid first = conn.xid(1, "bouncer-gtrid-1", "b1");
            conn.tpcBegin(first);
            conn.execute("INSERT INTO t_2pc VALUES (1)");
            conn.tpcPrepare();
            conn.tpcCommit();
            // a branch prepared through the pooler is finished from another client connection
            Xid second = conn.xid(1, "bouncer-gtrid-2", "b1");
            conn.tpcBegin(second);
            conn.execute("INSERT INTO t_2pc VALUES (2)");
            conn.tpcPrepare();
            List<Xid> inDoubt = other.tpcRecover();
            assertTrue(inDoubt.contains(second), inDoubt.toString());
            other.tpcCommit(second);
            assertEquals("2", db.admin().queryScalar("SELECT count(*) FROM t_2pc"));
            assertEquals("0", db.admin().queryScalar("SELECT count(*) FROM pg_prepared_xacts WHERE gid LIKE '%bouncer%'"));
        }
    }

    @Test
    void copyInBothDirectionsWorksThroughTransactionMode(TestDatabase db) {
        db.admin().execute("CREATE TABLE t_copy (id int, name text); GRANT ALL ON t_copy TO PUBLIC");
        try (Connection conn = Tusk.connect(transaction.conninfo(db.dbname()))) {
            conn.setPrepareThreshold(null);
            long in = conn.copy("COPY t_copy FROM STDIN", copy -> {
                for (int i = 0; i < 1000; i++) {
                    copy.writeRow(i, "row " + i);
                }
            });
            conn.commit();
            assertEquals(1000, in);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try {
                conn.copyExpert("COPY (SELECT * FROM t_copy ORDER BY id) TO STDOUT", out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            conn.commit();
            assertEquals(1000, out.toString().lines().count());
            assertTrue(out.toString().startsWith("0\trow 0\n"), out.toString().substring(0, 20));
        }
    }

    @Test
    void listenInTransactionModeDeliversNoNotificationsAsPgBouncerDocuments(TestDatabase db) {
        try (Connection listener = Tusk.connect(transaction.conninfo(db.dbname()));
                Connection notifier = Tusk.connect(session.conninfo(db.dbname()))) {
            listener.setPrepareThreshold(null);
            listener.setAutocommit(true);
            notifier.setAutocommit(true);
            listener.execute("LISTEN t_channel");
            notifier.execute("NOTIFY t_channel, 'lost'");
            // the LISTEN ran in a server session the pooler has since taken back: nothing reaches this client
            try (Stream<Notify> s = listener.notifies(Duration.ofSeconds(1), 1)) {
                assertEquals(List.of(), s.toList());
            }
            assertEquals(2, sum(listener, 1), "the connection itself still works");
        }
    }

    @Test
    void aPgBouncerThatRefusesTheLoginEndsWithOneErrorAtOnce(TestDatabase db) {
        String wrong = transaction.conninfo(db.dbname()).replace("password=", "password=wrong-") + " connect_timeout=2";
        long t0 = System.nanoTime();
        OperationalException e = assertThrows(OperationalException.class, () -> Tusk.connect(wrong));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("PgBouncer refusing a wrong password: failed after " + ms + " ms: " + e.getMessage());
        // a single host that refuses: its own error, as a direct server's (connection.md, "Hosts, timeouts")
        assertTrue(e.getMessage().contains("authentication failed"), e.getMessage());
        assertTrue(ms < 2_000, ms + " ms");
        // among several hosts, each is named with its cause
        String both = wrong.replace("host=127.0.0.1", "host=127.0.0.1,127.0.0.1")
                .replace("port=" + transaction.port(), "port=" + transaction.port() + "," + session.port());
        OperationalException named = assertThrows(OperationalException.class, () -> Tusk.connect(both));
        assertTrue(named.getMessage().contains(String.valueOf(transaction.port()))
                && named.getMessage().contains(String.valueOf(session.port())), named.getMessage());
        assertTrue(named.getMessage().contains("authentication failed"), named.getMessage());
    }

    @Test
    void aPgBouncerWhoseServerIsDownEndsWithinConnectTimeout() {
        String nowhere = transaction.conninfo(PgBouncer.NOWHERE) + " connect_timeout=2";
        long t0 = System.nanoTime();
        OperationalException e = assertThrows(OperationalException.class, () -> Tusk.connect(nowhere));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("PgBouncer with its server down: failed after " + ms + " ms: " + e.getMessage());
        // PgBouncer keeps the client waiting while it retries its server: connect_timeout ends the wait
        assertTrue(e.getMessage().contains("connect_timeout"), e.getMessage());
        assertTrue(ms < 4_500, ms + " ms");
    }
}
