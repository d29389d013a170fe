package io.tusk.jca.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.IsolationLevel;
import io.tusk.TransactionStatus;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.OperationalException;
import io.tusk.errors.ProgrammingException;
import io.tusk.jca.TuskConnectionFactory;
import io.tusk.jca.TuskManagedConnectionFactory;
import io.tusk.rows.Row;
import io.tusk.testkit.FreshDatabase;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.security.PasswordCredential;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The managed connection's contract (Jakarta Connectors 2.1, chapter 6) against a real server, without a container. */
@PgTest
@FreshDatabase
class TuskManagedConnectionIT {
    private TestDatabase db;
    private TuskManagedConnectionFactory mcf;
    private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp(TestDatabase db) {
        this.db = db;
        db.admin().execute("CREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY)");
        db.admin().execute("GRANT ALL ON t TO PUBLIC");
        db.admin().execute("TRUNCATE t");
        mcf = new TuskManagedConnectionFactory();
        mcf.setServerName(db.host());
        mcf.setPortNumber(db.port());
        mcf.setDatabaseName(db.dbname());
        mcf.setUser(PgUsers.SCRAM);
        mcf.setPassword(PgUsers.SCRAM_PASSWORD);
    }

    private TuskManagedConnection open() throws Exception {
        TuskManagedConnection mc = (TuskManagedConnection) mcf.createManagedConnection(null, null);
        mc.addConnectionEventListener(new Recorder());
        return mc;
    }

    private static Connection handle(TuskManagedConnection mc) throws Exception {
        return (Connection) mc.getConnection(null, null);
    }

    private boolean has(int id) {
        return db.admin().queryScalar("SELECT count(*) FROM t WHERE id = " + id).equals("1");
    }

    private List<Integer> eventTypes() {
        return events.stream().map(ConnectionEvent::getId).toList();
    }

    @Test
    void cleanupInvalidatesEveryHandleAndRollsBackButKeepsTheSession() throws Exception {
        TuskManagedConnection mc = open();
        Connection h1 = handle(mc);
        Connection h2 = handle(mc);
        int pid = h1.info().backendPid();
        h1.execute("INSERT INTO t VALUES (1)");
        mc.cleanup();
        assertThrows(InterfaceException.class, h1::cursor);
        assertThrows(InterfaceException.class, () -> h2.execute("SELECT 1"));
        Connection h3 = handle(mc);
        assertEquals(pid, h3.info().backendPid(), "same socket, same backend");
        assertEquals(TransactionStatus.IDLE, h3.info().transactionStatus());
        assertFalse(has(1));
        mc.destroy();
    }

    @Test
    void cleanupRestoresAutocommitAndTransactionCharacteristics() throws Exception {
        TuskManagedConnection mc = open();
        Connection h = handle(mc);
        h.setAutocommit(true);
        h.setIsolationLevel(IsolationLevel.SERIALIZABLE);
        h.setReadOnly(true);
        mc.cleanup();
        Connection next = handle(mc);
        assertFalse(next.autocommit());
        assertNull(next.isolationLevel());
        assertNull(next.readOnly());
        mc.destroy();
    }

    @Test
    void closingAHandleSendsConnectionClosedCarryingThatHandleOnce() throws Exception {
        TuskManagedConnection mc = open();
        Connection h = handle(mc);
        h.close();
        h.close();
        assertEquals(List.of(ConnectionEvent.CONNECTION_CLOSED), eventTypes());
        assertSame(h, events.get(0).getConnectionHandle());
        assertTrue(h.isClosed());
        assertThrows(InterfaceException.class, () -> h.execute("SELECT 1"));
        mc.destroy();
    }

    @Test
    void cursorsOpenedThroughAHandleCloseWithIt() throws Exception {
        TuskManagedConnection mc = open();
        Connection h = handle(mc);
        Cursor<Row> cur = h.execute("SELECT generate_series(1, 10)");
        h.close();
        assertTrue(cur.isClosed());
        mc.destroy();
    }

    @Test
    void noticeHandlersOfAClosedHandleHearNothingFromTheNextUser() throws Exception {
        TuskManagedConnection mc = open();
        List<String> heard = new CopyOnWriteArrayList<>();
        Connection first = handle(mc);
        first.addNoticeHandler(d -> heard.add(d.messagePrimary()));
        first.execute("DO $$ BEGIN RAISE NOTICE 'for the first user'; END $$");
        first.close();
        handle(mc).execute("DO $$ BEGIN RAISE NOTICE 'for the next user'; END $$");
        assertEquals(List.of("for the first user"), heard);
        mc.destroy();
    }

    @Test
    void aBrokenSessionIsReportedOnceAsConnectionErrorOccurred() throws Exception {
        TuskManagedConnection mc = open();
        Connection h = handle(mc);
        h.setAutocommit(true);
        db.admin().terminateBackend(h.info().backendPid());
        assertThrows(OperationalException.class, () -> h.execute("SELECT 1"));
        assertTrue(h.isBroken());
        assertTrue(h.isClosed(), "a broken connection is closed (psycopg), through the handle too");
        assertThrows(RuntimeException.class, () -> h.execute("SELECT 1"));
        assertEquals(List.of(ConnectionEvent.CONNECTION_ERROR_OCCURRED), eventTypes());
        assertFalse(mc.isUsable());
        assertTrue(mcf.getInvalidConnections(java.util.Set.of(mc)).contains(mc));
        h.close(); // fine on a broken connection
        mc.destroy();
    }

    @Test
    void aHealthySessionPassesValidationWithoutOpeningATransaction() throws Exception {
        TuskManagedConnection mc = open();
        assertTrue(mcf.getInvalidConnections(java.util.Set.of(mc)).isEmpty());
        assertEquals(TransactionStatus.IDLE, handle(mc).info().transactionStatus());
        mc.destroy();
    }

    @Test
    void handleRefusesToEndTheContainersLocalTransaction() throws Exception {
        TuskManagedConnection mc = open();
        LocalTransaction tx = mc.getLocalTransaction();
        tx.begin();
        Connection h = handle(mc);
        h.execute("INSERT INTO t VALUES (2)");
        assertThrows(ProgrammingException.class, h::commit);
        assertThrows(ProgrammingException.class, h::rollback);
        assertThrows(ProgrammingException.class, () -> h.setAutocommit(true));
        assertThrows(ProgrammingException.class, () -> h.tpcBegin(h.xid(1, "g", "b")));
        tx.commit();
        assertTrue(has(2));
        assertEquals(List.of(ConnectionEvent.LOCAL_TRANSACTION_STARTED, ConnectionEvent.LOCAL_TRANSACTION_COMMITTED), eventTypes());
        h.commit(); // allowed again once the container's transaction is over
        mc.destroy();
    }

    @Test
    void localTransactionRollbackDiscardsTheWork() throws Exception {
        TuskManagedConnection mc = open();
        LocalTransaction tx = mc.getLocalTransaction();
        tx.begin();
        Connection h = handle(mc);
        h.execute("INSERT INTO t VALUES (3)");
        h.transaction(inner -> h.execute("INSERT INTO t VALUES (4)")); // a savepoint, not a commit
        tx.rollback();
        assertFalse(has(3));
        assertFalse(has(4));
        assertEquals(ConnectionEvent.LOCAL_TRANSACTION_ROLLEDBACK, eventTypes().get(1));
        mc.destroy();
    }

    @Test
    void associateConnectionMovesAHandleToAnotherSession() throws Exception {
        TuskManagedConnection mc1 = open();
        TuskManagedConnection mc2 = open();
        Connection h = handle(mc1);
        int pid2 = handle(mc2).info().backendPid();
        mc2.associateConnection(h);
        assertEquals(pid2, h.info().backendPid());
        assertEquals(0, mc1.handleCount());
        mc1.destroy();
        mc2.destroy();
    }

    @Test
    void credentialsComeFromThePasswordCredentialOfTheSubject() throws Exception {
        mcf.setUser("nobody");
        mcf.setPassword("wrong");
        PasswordCredential pc = new PasswordCredential(PgUsers.MD5, PgUsers.MD5_PASSWORD.toCharArray());
        pc.setManagedConnectionFactory(mcf);
        Subject subject = new Subject();
        subject.getPrivateCredentials().add(pc);
        TuskManagedConnection mc = (TuskManagedConnection) mcf.createManagedConnection(subject, null);
        ManagedConnectionMetaData md = mc.getMetaData();
        assertEquals(PgUsers.MD5, md.getUserName());
        assertEquals("PostgreSQL", md.getEISProductName());
        assertTrue(md.getEISProductVersion().startsWith(String.valueOf(db.server().majorVersion())), md.getEISProductVersion());
        assertSame(mc, mcf.matchManagedConnections(java.util.Set.of(mc), subject, null));
        assertNull(mcf.matchManagedConnections(java.util.Set.of(mc), null, null), "another user's session is not matched");
        mc.destroy();
    }

    @Test
    void outsideAContainerEachConnectionIsItsOwnSession() throws Exception {
        TuskConnectionFactory cf = mcf.createConnectionFactory();
        int pid;
        try (Connection conn = cf.getConnection()) {
            pid = conn.info().backendPid();
            conn.execute("INSERT INTO t VALUES (5)");
            conn.commit();
        }
        assertTrue(has(5));
        for (int i = 0; i < 50 && !db.admin().queryScalar("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid).equals("0"); i++) {
            Thread.sleep(20);
        }
        assertEquals("0", db.admin().queryScalar("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid), "closing the handle ended the session");
    }

    private record TestXid(int getFormatId, byte[] getGlobalTransactionId, byte[] getBranchQualifier) implements javax.transaction.xa.Xid {
        static TestXid of(String gtrid) {
            return new TestXid(4242, gtrid.getBytes(java.nio.charset.StandardCharsets.UTF_8), new byte[] {1});
        }
    }

    @Test
    void xaResourceIsAlwaysTheSameInstance() throws Exception {
        TuskManagedConnection mc = open();
        assertSame(mc.getXAResource(), mc.getXAResource());
        mc.destroy();
    }

    @Test
    void handleRefusesToEndAnXaBranchAndTheBranchCommitsInTwoPhases() throws Exception {
        TuskManagedConnection mc = open();
        XAResource xa = mc.getXAResource();
        TestXid xid = TestXid.of("jca-two-phase-" + System.nanoTime());
        xa.start(xid, XAResource.TMNOFLAGS);
        Connection h = handle(mc);
        h.execute("INSERT INTO t VALUES (6)");
        assertThrows(ProgrammingException.class, h::commit);
        assertThrows(ProgrammingException.class, () -> h.setAutocommit(true));
        xa.end(xid, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_OK, xa.prepare(xid));
        assertFalse(has(6));
        xa.commit(xid, false);
        assertTrue(has(6));
        assertEquals("0", db.admin().queryScalar("SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()"));
        h.execute("SELECT 1");
        h.commit(); // the session is the application's again
        mc.destroy();
    }

    @Test
    void aSessionLostBeforeItsBranchIsFoundAtTheFirstStatementAndReportedOnce() throws Exception {
        TuskManagedConnection mc = open();
        XAResource xa = mc.getXAResource();
        Connection h = handle(mc);
        db.admin().terminateBackend(h.info().backendPid());
        javax.transaction.xa.Xid first = TestXid.of("jca-broken-1");
        // start sends nothing (the branch's BEGIN goes with its first statement, as with pgjdbc),
        // so the loss shows at the first statement, as a connection error.
        xa.start(first, XAResource.TMNOFLAGS);
        assertThrows(OperationalException.class, () -> h.execute("SELECT 1"));
        xa.end(first, XAResource.TMSUCCESS);
        assertEquals(XAException.XAER_RMFAIL, assertThrows(XAException.class, () -> xa.prepare(first)).errorCode);
        XAException next = assertThrows(XAException.class, () -> xa.start(TestXid.of("jca-broken-2"), XAResource.TMNOFLAGS));
        assertFalse(next.errorCode >= XAException.XA_RBBASE && next.errorCode <= XAException.XA_RBEND, "code " + next.errorCode);
        assertEquals(List.of(ConnectionEvent.CONNECTION_ERROR_OCCURRED), eventTypes());
        assertFalse(mc.isUsable());
        mc.destroy();
    }

    private final class Recorder implements ConnectionEventListener {
        @Override
        public void connectionClosed(ConnectionEvent event) {
            events.add(event);
        }

        @Override
        public void localTransactionStarted(ConnectionEvent event) {
            events.add(event);
        }

        @Override
        public void localTransactionCommitted(ConnectionEvent event) {
            events.add(event);
        }

        @Override
        public void localTransactionRolledback(ConnectionEvent event) {
            events.add(event);
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
            events.add(event);
        }
    }
}
