package io.tusk.xa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import io.tusk.Tusk;
import io.tusk.testkit.PgReplicaPair;
import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A branch prepared on a primary that crashes before its COMMIT PREPARED: prepared transactions
 * are replicated, so after the standby is promoted, {@code recover()} on the new primary lists the
 * branch and Narayana's recovery commits it. Nothing is lost, nothing stays prepared.
 */
@PgTest
class XaFailoverIT {
    private static PgReplicaPair pair;
    private static TestDatabase other;
    private static PgServer server;

    @BeforeAll
    static void start(PgServer pg) {
        server = pg;
        // synchronous replication: PREPARE TRANSACTION returns once the standby has replayed it
        pair = PgReplicaPair.start();
        pair.primary().execute("CREATE TABLE t (id int)");
        other = pg.newDatabase("xa_failover");
        other.admin().execute("CREATE TABLE t (id int); GRANT ALL ON t TO PUBLIC");
    }

    @AfterAll
    static void stop() {
        if (pair != null) {
            pair.close();
        }
        if (other != null) {
            server.admin().dropDatabase(other.dbname());
        }
    }

    private static String replicated() {
        return pair.conninfo(PgUsers.TRUST) + " target_session_attrs=read-write connect_timeout=5";
    }

    @Test
    void aBranchPreparedOnTheOldPrimaryIsFinishedOnThePromotedStandby() throws Exception {
        TransactionManager tm = Narayana.transactionManager();
        List<TuskXAConnection> recoveryConnections = new ArrayList<>();
        XAResourceRecoveryHelper helper = new RecoveryHelper(recoveryConnections);
        Narayana.xaRecoveryModule().addXAResourceRecoveryHelper(helper);
        try (TuskXAConnection onPair = new TuskXAConnection(Tusk.connect(replicated()));
                TuskXAConnection onOther = new TuskXAConnection(Tusk.connect(other.conninfo(PgUsers.TRUST)))) {
            tm.begin();
            Transaction tx = tm.getTransaction();
            tx.enlistResource(new KillPrimaryOnCommit(onPair.getXAResource()));
            tx.enlistResource(onOther.getXAResource());
            onPair.getConnection().execute("INSERT INTO t VALUES (1)");
            onOther.getConnection().execute("INSERT INTO t VALUES (2)");
            try {
                tm.commit(); // both branches prepare; the primary dies before its COMMIT PREPARED
            } catch (Exception expected) {
                // Narayana may report the unfinished branch (heuristic hazard); its log finishes it
            }
            assertEquals("1", other.admin().queryScalar("SELECT count(*) FROM t"), "the other branch committed");

            pair.promoteStandby();
            assertEquals("1", pair.standby().queryScalar("SELECT count(*) FROM pg_prepared_xacts"),
                    "the prepared branch was replicated");
            assertEquals("0", pair.standby().queryScalar("SELECT count(*) FROM t"), "not committed yet");
            try (TuskXAConnection probe = new TuskXAConnection(Tusk.connect(replicated()))) {
                Xid[] inDoubt = probe.getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
                assertEquals(1, inDoubt.length, Arrays.toString(inDoubt));
                assertEquals(131077, inDoubt[0].getFormatId(), "Narayana's branch");
            }

            Narayana.recovery().scan();
            Narayana.recovery().scan();
            assertEquals("1", pair.standby().queryScalar("SELECT count(*) FROM t"), "the branch committed on the new primary");
            assertEquals("0", pair.standby().queryScalar("SELECT count(*) FROM pg_prepared_xacts"), "nothing left prepared");
            assertEquals("0", other.admin().queryScalar("SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()"));
        } finally {
            Narayana.xaRecoveryModule().removeXAResourceRecoveryHelper(helper);
            recoveryConnections.forEach(TuskXAConnection::close);
        }
    }

    /** What an application server registers for recovery: fresh resources on the replicated pair (read-write) and the other database. */
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
            opened.add(new TuskXAConnectionSource(replicated()).getXAConnection());
            opened.add(new TuskXAConnectionSource(other.conninfo(PgUsers.TRUST)).getXAConnection());
            return opened.stream().map(TuskXAConnection::getXAResource).toArray(XAResource[]::new);
        }
    }

    /** Delegates to a resource, but kills the primary (SIGKILL) just before the second phase. */
    private static final class KillPrimaryOnCommit implements XAResource {
        private final XAResource delegate;

        KillPrimaryOnCommit(XAResource delegate) {
            this.delegate = delegate;
        }

        @Override
        public void commit(Xid xid, boolean onePhase) throws XAException {
            assertTrue(!onePhase, "two branches: two-phase commit");
            pair.killPrimary();
            delegate.commit(xid, onePhase);
        }

        @Override public void end(Xid xid, int flags) throws XAException { delegate.end(xid, flags); }
        @Override public void forget(Xid xid) throws XAException { delegate.forget(xid); }
        @Override public int getTransactionTimeout() throws XAException { return delegate.getTransactionTimeout(); }
        @Override public boolean isSameRM(XAResource o) throws XAException { return o == this; }
        @Override public int prepare(Xid xid) throws XAException { return delegate.prepare(xid); }
        @Override public Xid[] recover(int flag) throws XAException { return delegate.recover(flag); }
        @Override public void rollback(Xid xid) throws XAException { delegate.rollback(xid); }
        @Override public boolean setTransactionTimeout(int seconds) throws XAException { return delegate.setTransactionTimeout(seconds); }
        @Override public void start(Xid xid, int flags) throws XAException { delegate.start(xid, flags); }
    }
}
