package io.tusk.xa;

import static javax.transaction.xa.XAResource.TMENDRSCAN;
import static javax.transaction.xa.XAResource.TMNOFLAGS;
import static javax.transaction.xa.XAResource.TMRESUME;
import static javax.transaction.xa.XAResource.TMSTARTRSCAN;
import static javax.transaction.xa.XAResource.TMSUCCESS;
import static javax.transaction.xa.XAResource.TMSUSPEND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.errors.ProgrammingException;
import io.tusk.errors.QueryCanceledException;
import io.tusk.testkit.FreshDatabase;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.util.Arrays;
import java.util.Random;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** TuskXAResource against the real server, driven by hand as a transaction manager would. */
@FreshDatabase
class XaResourceIT {
    private TestDatabase db;
    private Connection conn;
    private TuskXAResource res;

    @BeforeEach
    void open(TestDatabase db) {
        this.db = db;
        db.admin().execute("DROP TABLE IF EXISTS t; CREATE TABLE t (id int PRIMARY KEY); GRANT ALL ON t TO PUBLIC");
        conn = connect();
        res = new TuskXAResource(conn);
    }

    @AfterEach
    void close() {
        conn.close();
        for (String gid : db.admin().queryColumn("SELECT gid FROM pg_prepared_xacts WHERE database = current_database()")) {
            db.admin().execute("ROLLBACK PREPARED '" + gid + "'");
        }
    }

    private Connection connect() {
        return Tusk.connect(db.conninfo(PgUsers.TRUST));
    }

    private int prepared() {
        return Integer.parseInt(db.admin().queryScalar("SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()"));
    }

    private int rows() {
        return Integer.parseInt(db.admin().queryScalar("SELECT count(*) FROM t"));
    }

    private static int code(Executable call) {
        return assertThrows(XAException.class, call).errorCode;
    }

    private static Xid xid(String gtrid) {
        return TestXid.of(4660, gtrid, "b1");
    }

    @Test
    void twoPhaseCommitMakesTheRowsVisible() throws XAException {
        Xid x = xid("plain");
        res.start(x, TMNOFLAGS);
        conn.execute("INSERT INTO t VALUES (1)");
        res.end(x, TMSUCCESS);
        assertEquals(XAResource.XA_OK, res.prepare(x));
        assertEquals(1, prepared());
        assertEquals(0, rows());
        res.commit(x, false);
        assertEquals(0, prepared());
        assertEquals(1, rows());
    }

    @Test
    void aReadOnlyBranchAnswersRdonlyAndLeavesNothingPrepared() throws XAException {
        Xid x = xid("read-only");
        res.start(x, TMNOFLAGS);
        conn.execute("SELECT count(*) FROM t").fetchone();
        res.end(x, TMSUCCESS);
        assertEquals(XAResource.XA_RDONLY, res.prepare(x));
        assertEquals(0, prepared());
        assertEquals(XAException.XAER_NOTA, code(() -> res.commit(x, false)), "a read-only branch is over after prepare");
    }

    @Test
    void aBranchWhoseStatementFailedIsRolledBackByPrepare() throws XAException {
        Xid x = xid("failed");
        res.start(x, TMNOFLAGS);
        conn.execute("INSERT INTO t VALUES (1)");
        assertThrows(RuntimeException.class, () -> conn.execute("INSERT INTO t VALUES (1)"));
        res.end(x, TMSUCCESS);
        assertEquals(XAException.XA_RBROLLBACK, code(() -> res.prepare(x)));
        assertEquals(0, prepared());
        assertEquals(0, rows());
    }

    @Test
    void aDeferredConstraintViolatedAtPrepareIsRbintegrity() throws XAException {
        db.admin().execute("DROP TABLE IF EXISTS d; CREATE TABLE d (id int, CONSTRAINT u UNIQUE (id) DEFERRABLE INITIALLY DEFERRED);"
                + " GRANT ALL ON d TO PUBLIC");
        Xid x = xid("deferred");
        res.start(x, TMNOFLAGS);
        conn.execute("INSERT INTO d VALUES (1), (1)");
        res.end(x, TMSUCCESS);
        assertEquals(XAException.XA_RBINTEGRITY, code(() -> res.prepare(x)));
        assertEquals(0, prepared());
        conn.execute("SELECT 1"); // the connection is usable again, outside any branch
        conn.rollback();
    }

    @Test
    void aDuplicateIdIsDupidAndTheSecondBranchIsRolledBack() throws XAException {
        Xid x = xid("duplicate");
        res.start(x, TMNOFLAGS);
        conn.execute("INSERT INTO t VALUES (1)");
        res.end(x, TMSUCCESS);
        res.prepare(x);
        try (Connection other = connect()) {
            TuskXAResource second = new TuskXAResource(other);
            second.start(x, TMNOFLAGS);
            other.execute("INSERT INTO t VALUES (2)");
            second.end(x, TMSUCCESS);
            assertEquals(XAException.XAER_DUPID, code(() -> second.prepare(x)));
        }
        res.commit(x, false);
        assertEquals(1, rows(), "only the first branch's row");
    }

    @Test
    void anUnknownIdIsNota() {
        assertEquals(XAException.XAER_NOTA, code(() -> res.commit(xid("nobody"), false)));
        assertEquals(XAException.XAER_NOTA, code(() -> res.rollback(xid("nobody"))));
    }

    @Test
    void aPreparedBranchIsCommittedFromAnotherConnection() throws XAException {
        Xid x = xid("elsewhere");
        res.start(x, TMNOFLAGS);
        conn.execute("INSERT INTO t VALUES (1)");
        res.end(x, TMSUCCESS);
        res.prepare(x);
        try (Connection other = connect()) {
            new TuskXAResource(other).commit(x, false);
        }
        assertEquals(1, rows());
    }

    @Test
    void aTerminatedBackendDuringCommitIsRmfailAndRecoveryFinishesTheBranch() throws XAException {
        Xid x = xid("terminated");
        res.start(x, TMNOFLAGS);
        conn.execute("INSERT INTO t VALUES (1)");
        res.end(x, TMSUCCESS);
        res.prepare(x);
        assertTrue(db.admin().terminateBackend(conn.info().backendPid()));
        assertEquals(XAException.XAER_RMFAIL, code(() -> res.commit(x, false)));
        try (Connection other = connect()) {
            TuskXAResource recovery = new TuskXAResource(other);
            assertTrue(Arrays.asList(recovery.recover(TMSTARTRSCAN | TMENDRSCAN)).contains(x));
            recovery.commit(x, false);
        }
        assertEquals(1, rows());
    }

    @Test
    void aTerminatedBackendDuringAOnePhaseCommitIsRmfail() throws XAException {
        Xid x = xid("terminated-1pc");
        res.start(x, TMNOFLAGS);
        conn.execute("INSERT INTO t VALUES (1)");
        res.end(x, TMSUCCESS);
        db.admin().terminateBackend(conn.info().backendPid());
        assertEquals(XAException.XAER_RMFAIL, code(() -> res.commit(x, true)));
        assertEquals(0, rows());
    }

    @Test
    void aBranchOnAnAutocommitConnectionRunsWithAutocommitOffAndGivesItBack() throws XAException {
        conn.setAutocommit(true); // as a JDBC connection outside a global transaction
        Xid x = xid("autocommit");
        res.start(x, TMNOFLAGS);
        assertFalse(conn.autocommit());
        conn.execute("INSERT INTO t VALUES (1)");
        conn.execute("INSERT INTO t VALUES (2)");
        res.end(x, TMSUCCESS);
        assertEquals(XAResource.XA_OK, res.prepare(x));
        assertTrue(conn.autocommit(), "autocommit is back once the branch's transaction is over");
        assertEquals(0, rows(), "both inserts wait for the second phase, none was committed on its own");
        res.commit(x, false);
        assertEquals(2, rows());
    }

    @Test
    void theApplicationCannotEndTheBranchsTransaction() throws XAException {
        Xid x = xid("claimed");
        res.start(x, TMNOFLAGS);
        conn.execute("INSERT INTO t VALUES (1)");
        ProgrammingException e = assertThrows(ProgrammingException.class, conn::commit);
        assertTrue(e.getMessage().contains(io.tusk.Xid.of(4660, "claimed", "b1").toString()), e.getMessage());
        assertThrows(ProgrammingException.class, conn::rollback);
        assertThrows(ProgrammingException.class, () -> conn.setAutocommit(true));
        assertThrows(ProgrammingException.class, () -> conn.tpcBegin(conn.xid(1, "a", "b")));
        assertThrows(ProgrammingException.class, () -> conn.tpcRollback("x"));
        conn.runInTransaction(tx -> conn.execute("INSERT INTO t VALUES (2)")); // a savepoint inside the branch
        res.end(x, TMSUCCESS);
        assertThrows(ProgrammingException.class, conn::commit, "still the branch's transaction until prepare");
        res.prepare(x);
        conn.commit(); // the connection is the application's again
        res.commit(x, false);
        assertEquals(2, rows());
    }

    @Test
    void startWithALocalTransactionOpenIsOutside() {
        conn.execute("INSERT INTO t VALUES (1)");
        assertEquals(XAException.XAER_OUTSIDE, code(() -> res.start(xid("outside"), TMNOFLAGS)));
        conn.commit();
        assertEquals(1, rows());
    }

    @Test
    void suspendAndResumeOnTheSameConnection() throws XAException {
        Xid x = xid("suspended");
        res.start(x, TMNOFLAGS);
        conn.execute("INSERT INTO t VALUES (1)");
        res.end(x, TMSUSPEND);
        assertEquals(XAException.XAER_PROTO, code(() -> res.start(xid("interleaved"), TMNOFLAGS)));
        res.start(x, TMRESUME);
        conn.execute("INSERT INTO t VALUES (2)");
        res.end(x, TMSUCCESS);
        res.prepare(x);
        res.commit(x, false);
        assertEquals(2, rows());
    }

    @Test
    void anEndedBranchPastItsTimeoutIsRolledBack() throws Exception {
        res.setTransactionTimeout(1);
        Xid x = xid("timeout");
        res.start(x, TMNOFLAGS);
        conn.execute("INSERT INTO t VALUES (1)");
        res.end(x, TMSUCCESS);
        Thread.sleep(1500);
        assertEquals(XAException.XA_RBTIMEOUT, code(() -> res.prepare(x)));
        assertEquals(0, prepared());
        assertEquals(0, rows());
    }

    @Test
    void anActiveBranchPastItsTimeoutHasItsStatementCancelled() throws XAException {
        res.setTransactionTimeout(1);
        Xid x = xid("timeout-active");
        res.start(x, TMNOFLAGS);
        long t0 = System.nanoTime();
        assertThrows(QueryCanceledException.class, () -> conn.execute("SELECT pg_sleep(20)"));
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
        assertEquals(XAException.XA_RBTIMEOUT, code(() -> res.end(x, TMSUCCESS)));
        res.rollback(x);
        conn.execute("SELECT 1");
        conn.commit();
    }

    @Test
    void binaryIdsOfSixtyFourBytesRoundTripThroughRecover() throws XAException {
        Random random = new Random(42);
        for (int formatId : new int[] {0, Integer.MAX_VALUE}) {
            byte[] g = new byte[64];
            byte[] b = new byte[64];
            random.nextBytes(g);
            random.nextBytes(b);
            Xid x = new TestXid(formatId, g, b);
            res.start(x, TMNOFLAGS);
            conn.execute("INSERT INTO t VALUES (" + (formatId == 0 ? 1 : 2) + ")");
            res.end(x, TMSUCCESS);
            res.prepare(x);
            Xid[] found = res.recover(TMSTARTRSCAN | TMENDRSCAN);
            assertEquals(1, found.length);
            assertEquals(formatId, found[0].getFormatId());
            assertArrayEquals(g, found[0].getGlobalTransactionId());
            assertArrayEquals(b, found[0].getBranchQualifier());
            res.commit(found[0], false);
        }
        assertEquals(2, rows());
    }

    @Test
    void recoverListsOnlyXaIdsOfThisDatabase() throws XAException {
        conn.tpcBegin("hand-made id");
        conn.execute("INSERT INTO t VALUES (9)");
        conn.tpcPrepare();
        TestDatabase other = db.server().newDatabase("xa_other");
        try (Connection c2 = Tusk.connect(other.conninfo(PgUsers.TRUST))) {
            c2.tpcBegin(c2.xid(4660, "other-db", "b1"));
            c2.execute("CREATE TABLE x (i int)");
            c2.tpcPrepare();
            assertArrayEquals(new Xid[0], res.recover(TMSTARTRSCAN | TMENDRSCAN));
            c2.tpcRollback();
        } finally {
            db.server().admin().dropDatabase(other.dbname());
        }
        conn.tpcRollback();
        assertFalse(conn.isClosed());
    }
}
