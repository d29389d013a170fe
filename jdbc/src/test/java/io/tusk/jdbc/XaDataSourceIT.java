package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TuskXADataSource under a real Narayana 7 transaction manager, and its handle's rules while a branch owns the session. */
@PgTest
class XaDataSourceIT {
    private static PgServer server;
    private static TestDatabase a;
    private static TestDatabase b;
    private static TransactionManager tm;

    record TestXid(int getFormatId, byte[] getGlobalTransactionId, byte[] getBranchQualifier) implements Xid {
        static TestXid of(String gtrid) {
            return new TestXid(4660, gtrid.getBytes(StandardCharsets.UTF_8), "b1".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Xid x && x.getFormatId() == getFormatId && Arrays.equals(x.getGlobalTransactionId(), getGlobalTransactionId)
                    && Arrays.equals(x.getBranchQualifier(), getBranchQualifier);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(getGlobalTransactionId);
        }
    }

    @BeforeAll
    static void databases(PgServer pg) {
        server = pg;
        a = pg.newDatabase("jdbc_xa_a");
        b = pg.newDatabase("jdbc_xa_b");
        tm = XaNarayana.transactionManager();
    }

    @AfterAll
    static void drop() {
        server.admin().dropDatabase(a.dbname());
        server.admin().dropDatabase(b.dbname());
    }

    @BeforeEach
    void tables() {
        for (TestDatabase db : List.of(a, b)) {
            db.admin().execute("DROP TABLE IF EXISTS t; CREATE TABLE t (id int, CONSTRAINT u UNIQUE (id) DEFERRABLE INITIALLY DEFERRED);"
                    + " GRANT ALL ON t TO PUBLIC");
        }
    }

    @AfterEach
    void nothingLeftPrepared() throws Exception {
        if (tm.getTransaction() != null) {
            tm.rollback();
        }
        for (TestDatabase db : List.of(a, b)) {
            for (String gid : db.admin().queryColumn("SELECT gid FROM pg_prepared_xacts WHERE database = current_database()")) {
                db.admin().execute("ROLLBACK PREPARED '" + gid + "'");
            }
        }
    }

    static TuskXADataSource tusk(TestDatabase db) {
        TuskXADataSource ds = new TuskXADataSource();
        ds.setServerName(db.host());
        ds.setPortNumber(db.port());
        ds.setDatabaseName(db.dbname());
        ds.setUser(PgUsers.TRUST);
        ds.setSslMode("disable");
        return ds;
    }

    private static int rows(TestDatabase db) {
        return Integer.parseInt(db.admin().queryScalar("SELECT count(*) FROM t"));
    }

    private static void insert(Connection c, int id) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("INSERT INTO t VALUES (" + id + ") RETURNING id")) {
            assertTrue(rs.next());
        }
    }

    /** Runs {@code work} on both databases in one JTA transaction, handles closed before the end as a container does. */
    private static void inOneTransaction(XAConnection xa, XAConnection xb, int idA, int idB) throws Exception {
        Transaction tx = tm.getTransaction();
        assertTrue(tx.enlistResource(xa.getXAResource()));
        assertTrue(tx.enlistResource(xb.getXAResource()));
        try (Connection ca = xa.getConnection(); Connection cb = xb.getConnection()) {
            assertFalse(ca.getAutoCommit(), "inside a branch auto-commit is off");
            insert(ca, idA);
            insert(cb, idB);
        }
    }

    @Test
    void twoDatabasesCommitTogether() throws Exception {
        XAConnection xa = tusk(a).getXAConnection();
        XAConnection xb = tusk(b).getXAConnection();
        try {
            tm.begin();
            inOneTransaction(xa, xb, 1, 2);
            tm.commit();
            assertEquals(1, rows(a));
            assertEquals(1, rows(b));
            try (Connection c = xa.getConnection()) {
                assertTrue(c.getAutoCommit(), "after the branch the handle is a plain auto-commit connection again");
                insert(c, 3);
            }
            assertEquals(2, rows(a));
        } finally {
            xa.close();
            xb.close();
        }
    }

    @Test
    void twoDatabasesRollBackTogether() throws Exception {
        XAConnection xa = tusk(a).getXAConnection();
        XAConnection xb = tusk(b).getXAConnection();
        try {
            tm.begin();
            inOneTransaction(xa, xb, 1, 2);
            tm.rollback();
            assertEquals(0, rows(a) + rows(b));

            tm.begin();
            inOneTransaction(xa, xb, 1, 2);
            try (Connection cb = xb.getConnection()) {
                insert(cb, 2); // the deferred unique constraint fails at PREPARE
            }
            assertThrows(RollbackException.class, tm::commit);
            assertEquals(0, rows(a) + rows(b), "a failed prepare in one database rolls back the other");
        } finally {
            xa.close();
            xb.close();
        }
    }

    @Test
    void transactionControlOnTheHandleIsRefusedWhileABranchOwnsIt() throws Exception {
        XAConnection xa = tusk(a).getXAConnection();
        try {
            Connection c = xa.getConnection();
            assertTrue(c.getAutoCommit(), "outside a global transaction auto-commit is on (JDBC 4.3, 12.4)");
            tm.begin();
            tm.getTransaction().enlistResource(xa.getXAResource());
            insert(c, 1);
            for (SqlCall call : List.<SqlCall>of(c::commit, c::rollback, () -> c.setAutoCommit(true), c::setSavepoint, () -> c.setSavepoint("s"))) {
                SQLException e = assertThrows(SQLException.class, call::run);
                assertEquals("55000", e.getSQLState());
                assertTrue(e.getMessage().contains("not allowed while an XA transaction is active"), e.getMessage());
            }
            c.setAutoCommit(false); // already off: allowed
            c.close();
            tm.commit();
            assertEquals(1, rows(a), "the refused calls did not end the branch; the transaction manager committed it");
            try (Connection after = xa.getConnection()) {
                after.setAutoCommit(false);
                insert(after, 2);
                after.rollback();
                after.setAutoCommit(true);
            }
            assertEquals(1, rows(a), "outside a branch commit/rollback are the application's again");
        } finally {
            xa.close();
        }
    }

    @Test
    void aPreparedBranchSurvivesItsConnectionAndIsCommittedByRecovery() throws Exception {
        Xid xid = TestXid.of("jdbc-recovery-" + System.nanoTime());
        XAConnection first = tusk(a).getXAConnection();
        XAResource res = first.getXAResource();
        assertSame(res, first.getXAResource());
        res.start(xid, XAResource.TMNOFLAGS);
        try (Connection c = first.getConnection()) {
            insert(c, 7);
        }
        res.end(xid, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_OK, res.prepare(xid));
        first.close();
        assertEquals(0, rows(a), "prepared, not committed");

        XAConnection second = tusk(a).getXAConnection();
        try {
            XAResource r2 = second.getXAResource();
            List<Xid> listed = Arrays.asList(r2.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN));
            assertTrue(listed.stream().anyMatch(xid::equals), "recover() lists the prepared branch: " + listed);
            r2.commit(xid, false);
            assertEquals(1, rows(a));
            assertFalse(Arrays.asList(r2.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).stream().anyMatch(xid::equals));
        } finally {
            second.close();
        }
    }

    @Test
    void aHandleClosedMidBranchLeavesTheBranchToTheTransactionManager() throws Exception {
        Xid xid = TestXid.of("jdbc-midbranch-" + System.nanoTime());
        XAConnection xa = tusk(a).getXAConnection();
        try {
            XAResource res = xa.getXAResource();
            res.start(xid, XAResource.TMNOFLAGS);
            try (Connection c = xa.getConnection()) {
                insert(c, 1);
            }
            try (Connection c = xa.getConnection()) { // a new handle must not roll the branch back either
                insert(c, 2);
                assertFalse(c.getAutoCommit());
            }
            res.end(xid, XAResource.TMSUCCESS);
            res.commit(xid, true);
            assertEquals(2, rows(a));
        } finally {
            xa.close();
        }
    }

    /** The same JDBC code through pgjdbc's PGXADataSource and Tusk's: the same answers. */
    @Test
    void behavesAsPgjdbcsXaDataSource() throws Exception {
        org.postgresql.xa.PGXADataSource pg = new org.postgresql.xa.PGXADataSource();
        pg.setUrl(a.jdbcUrl(PgUsers.TRUST));
        assertEquals(observe(pg, 1), observe(tusk(a), 2));
    }

    private static List<String> observe(XADataSource ds, int id) throws Exception {
        Xid xid = TestXid.of("jdbc-compare-" + id + "-" + System.nanoTime());
        XAConnection xa = ds.getXAConnection();
        try {
            XAResource res = xa.getXAResource();
            Connection c = xa.getConnection();
            boolean before = c.getAutoCommit();
            res.start(xid, XAResource.TMNOFLAGS);
            boolean inside = c.getAutoCommit();
            insert(c, id);
            String commit = stateOf(c::commit);
            String rollback = stateOf(c::rollback);
            String autoOn = stateOf(() -> c.setAutoCommit(true));
            res.end(xid, XAResource.TMSUCCESS);
            String ended = stateOf(c::commit);
            int vote = res.prepare(xid);
            boolean afterPrepare = c.getAutoCommit();
            res.commit(xid, false);
            c.close();
            String closedHandle = stateOf(c::createStatement);
            return List.of("before=" + before, "inside=" + inside, "commit=" + commit, "rollback=" + rollback, "autoOn=" + autoOn,
                    "ended=" + ended, "vote=" + vote, "afterPrepare=" + afterPrepare, "closedHandle=" + closedHandle);
        } finally {
            xa.close();
        }
    }

    interface SqlCall {
        void run() throws SQLException;
    }

    private static String stateOf(SqlCall call) {
        try {
            call.run();
            return "ok";
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }
}
