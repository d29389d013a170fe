package io.tusk.xa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arjuna.ats.arjuna.common.Uid;
import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import com.arjuna.ats.jta.xa.XidImple;
import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.testkit.FaultProxy;
import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two databases in one JTA transaction, with a real Narayana 7 transaction manager and its recovery manager. */
@PgTest
class NarayanaIT {
    private static PgServer server;
    private static TestDatabase a;
    private static TestDatabase b;
    private static TransactionManager tm;

    @BeforeAll
    static void databases(PgServer pg) {
        server = pg;
        a = pg.newDatabase("xa_narayana_a");
        b = pg.newDatabase("xa_narayana_b");
        tm = Narayana.transactionManager();
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

    private static JtaConnectionSource source(TestDatabase db) {
        return new JtaConnectionSource(tm, new TuskXAConnectionSource(db.conninfo(PgUsers.TRUST)));
    }

    private static int rows(TestDatabase db) {
        return Integer.parseInt(db.admin().queryScalar("SELECT count(*) FROM t"));
    }

    private static int prepared(TestDatabase db) {
        return Integer.parseInt(db.admin().queryScalar("SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()"));
    }

    @Test
    void twoDatabasesCommitTogether() throws Exception {
        tm.begin();
        try (Connection ca = source(a).getConnection(); Connection cb = source(b).getConnection()) {
            ca.execute("INSERT INTO t VALUES (1)");
            cb.execute("INSERT INTO t VALUES (2)");
        }
        tm.commit();
        assertEquals(1, rows(a));
        assertEquals(1, rows(b));
        assertEquals(0, prepared(a) + prepared(b));
    }

    @Test
    void aFailedPrepareInOneDatabaseRollsBackBoth() throws Exception {
        tm.begin();
        try (Connection ca = source(a).getConnection(); Connection cb = source(b).getConnection()) {
            ca.execute("INSERT INTO t VALUES (1)");
            cb.execute("INSERT INTO t VALUES (2), (2)"); // the deferred unique constraint fails at PREPARE
        }
        assertThrows(RollbackException.class, tm::commit);
        assertEquals(0, rows(a));
        assertEquals(0, rows(b));
        assertEquals(0, prepared(a) + prepared(b));
    }

    @Test
    void setRollbackOnlyRollsBackBoth() throws Exception {
        tm.begin();
        try (Connection ca = source(a).getConnection(); Connection cb = source(b).getConnection()) {
            ca.execute("INSERT INTO t VALUES (1)");
            cb.execute("INSERT INTO t VALUES (2)");
        }
        tm.setRollbackOnly();
        assertThrows(RollbackException.class, tm::commit);
        assertEquals(0, rows(a) + rows(b));
        assertEquals(0, prepared(a) + prepared(b));
    }

    @Test
    void aSecondHandleInTheSameTransactionJoinsTheBranch() throws Exception {
        JtaConnectionSource sa = source(a);
        tm.begin();
        int pid;
        try (Connection first = sa.getConnection()) {
            first.execute("INSERT INTO t VALUES (1)");
            pid = first.info().backendPid();
        }
        try (Connection second = sa.getConnection()) {
            second.execute("INSERT INTO t VALUES (2)");
            assertEquals(pid, second.info().backendPid(), "the same session: the branch was joined (TMJOIN)");
        }
        tm.commit();
        assertEquals(2, rows(a));
    }

    @Test
    void aStatementErrorMakesTheHandleDelistWithTmfail() throws Exception {
        tm.begin();
        try (Connection ca = source(a).getConnection(); Connection cb = source(b).getConnection()) {
            ca.execute("INSERT INTO t VALUES (1)");
            assertThrows(RuntimeException.class, () -> cb.execute("SELECT no_such_column FROM t"));
        }
        assertEquals(jakarta.transaction.Status.STATUS_MARKED_ROLLBACK, tm.getStatus());
        assertThrows(RollbackException.class, tm::commit);
        assertEquals(0, rows(a));
    }

    @Test
    void preparedBranchesWhoseCommitWasLostAreCommittedByRecovery() throws Exception {
        List<TuskXAConnection> recoveryConnections = new ArrayList<>();
        XAResourceRecoveryHelper helper = new RecoveryHelper(recoveryConnections);
        Narayana.xaRecoveryModule().addXAResourceRecoveryHelper(helper);
        try (FaultProxy proxy = FaultProxy.start(server.host(), server.port());
             TuskXAConnection xa1 = viaProxy(proxy, a); TuskXAConnection xa2 = viaProxy(proxy, b)) {
            tm.begin();
            Transaction tx = tm.getTransaction();
            tx.enlistResource(new CutOnCommit(xa1.getXAResource(), proxy));
            tx.enlistResource(new CutOnCommit(xa2.getXAResource(), proxy));
            xa1.getConnection().execute("INSERT INTO t VALUES (1)");
            xa2.getConnection().execute("INSERT INTO t VALUES (2)");
            try {
                tm.commit(); // both prepare; then the network is cut before either COMMIT PREPARED arrives
            } catch (Exception expected) {
                // Narayana may report the unfinished commit (heuristic hazard); the outcome is the log's to finish.
            }
            assertEquals(1, prepared(a), "the branch on a stays prepared");
            assertEquals(1, prepared(b), "the branch on b stays prepared");
            Narayana.recovery().scan();
            Narayana.recovery().scan();
            assertEquals(1, rows(a));
            assertEquals(1, rows(b));
            assertEquals(0, prepared(a) + prepared(b));
        } finally {
            Narayana.xaRecoveryModule().removeXAResourceRecoveryHelper(helper);
            recoveryConnections.forEach(TuskXAConnection::close);
        }
    }

    @Test
    void aPreparedBranchWithoutALogRecordIsRolledBackByRecovery() throws Exception {
        List<TuskXAConnection> recoveryConnections = new ArrayList<>();
        XAResourceRecoveryHelper helper = new RecoveryHelper(recoveryConnections);
        Narayana.xaRecoveryModule().addXAResourceRecoveryHelper(helper);
        try (Connection conn = Tusk.connect(a.conninfo(PgUsers.TRUST))) {
            Xid xid = new XidImple(new Uid()); // Narayana's format (131077) and this node's name, but no transaction log
            assertEquals(131077, xid.getFormatId());
            TuskXAResource res = new TuskXAResource(conn);
            res.start(xid, XAResource.TMNOFLAGS);
            conn.execute("INSERT INTO t VALUES (1)");
            res.end(xid, XAResource.TMSUCCESS);
            assertEquals(XAResource.XA_OK, res.prepare(xid));
            assertEquals(1, prepared(a));
            Narayana.recovery().scan();
            Narayana.recovery().scan();
            assertEquals(0, prepared(a), "presumed abort");
            assertEquals(0, rows(a));
        } finally {
            Narayana.xaRecoveryModule().removeXAResourceRecoveryHelper(helper);
            recoveryConnections.forEach(TuskXAConnection::close);
        }
    }

    private static TuskXAConnection viaProxy(FaultProxy proxy, TestDatabase db) {
        return new TuskXAConnection(Tusk.connect("host=127.0.0.1 port=" + proxy.port() + " dbname=" + db.dbname()
                + " user=" + PgUsers.TRUST + " sslmode=disable"));
    }

    /** What an application server registers for recovery: fresh resources on both databases. */
    private static final class RecoveryHelper implements XAResourceRecoveryHelper {
        private final List<TuskXAConnection> opened;

        RecoveryHelper(List<TuskXAConnection> opened) {
            this.opened = opened;
        }

        @Override
        public boolean initialise(String p) {
            return true;
        }

        @Override
        public synchronized XAResource[] getXAResources() {
            opened.forEach(TuskXAConnection::close);
            opened.clear();
            for (TestDatabase db : List.of(a, b)) {
                opened.add(new TuskXAConnectionSource(db.conninfo(PgUsers.TRUST)).getXAConnection());
            }
            return opened.stream().map(TuskXAConnection::getXAResource).toArray(XAResource[]::new);
        }
    }

    /** Delegates to a resource, but cuts every connection through the proxy just before the second phase. */
    private static final class CutOnCommit implements XAResource {
        private final XAResource delegate;
        private final FaultProxy proxy;

        CutOnCommit(XAResource delegate, FaultProxy proxy) {
            this.delegate = delegate;
            this.proxy = proxy;
        }

        @Override
        public void commit(Xid xid, boolean onePhase) throws XAException {
            proxy.cutAll();
            delegate.commit(xid, onePhase);
        }

        @Override public void end(Xid xid, int flags) throws XAException { delegate.end(xid, flags); }
        @Override public void forget(Xid xid) throws XAException { delegate.forget(xid); }
        @Override public int getTransactionTimeout() throws XAException { return delegate.getTransactionTimeout(); }
        @Override public boolean isSameRM(XAResource other) throws XAException { return other == this; }
        @Override public int prepare(Xid xid) throws XAException { return delegate.prepare(xid); }
        @Override public Xid[] recover(int flag) throws XAException { return delegate.recover(flag); }
        @Override public void rollback(Xid xid) throws XAException { delegate.rollback(xid); }
        @Override public boolean setTransactionTimeout(int seconds) throws XAException { return delegate.setTransactionTimeout(seconds); }
        @Override public void start(Xid xid, int flags) throws XAException { delegate.start(xid, flags); }
    }
}
