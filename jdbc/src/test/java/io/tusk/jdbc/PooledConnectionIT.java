package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEvent;
import javax.sql.StatementEventListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A pool's view of TuskConnectionPoolDataSource: handles over one session, and the events a pool acts on. */
@PgTest
class PooledConnectionIT {
    private TestDatabase db;

    /** What a pool hears. */
    static final class Events implements ConnectionEventListener, StatementEventListener {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final List<SQLException> errors = new CopyOnWriteArrayList<>();

        @Override public void connectionClosed(ConnectionEvent e) { seen.add("closed"); }
        @Override public void connectionErrorOccurred(ConnectionEvent e) { seen.add("error"); errors.add(e.getSQLException()); }
        @Override public void statementClosed(StatementEvent e) { seen.add("statementClosed"); }
        @Override public void statementErrorOccurred(StatementEvent e) { seen.add("statementError"); }
    }

    @BeforeEach
    void table(TestDatabase db) {
        this.db = db;
        db.admin().execute("DROP TABLE IF EXISTS pooled_t; CREATE TABLE pooled_t (id int); GRANT ALL ON pooled_t TO PUBLIC");
    }

    private PooledConnection pooled(Events events) throws SQLException {
        TuskConnectionPoolDataSource cpds = new TuskConnectionPoolDataSource();
        cpds.setUrl("jdbc:tusk://" + db.host() + ":" + db.port() + "/" + db.dbname() + "?sslmode=disable");
        PooledConnection pc = cpds.getPooledConnection(PgUsers.TRUST, null);
        pc.addConnectionEventListener(events);
        pc.addStatementEventListener(events);
        return pc;
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    private int rows() {
        return Integer.parseInt(db.admin().queryScalar("SELECT count(*) FROM pooled_t"));
    }

    @Test
    void closingTheHandleKeepsTheSessionAndFiresConnectionClosed() throws Exception {
        Events events = new Events();
        PooledConnection pc = pooled(events);
        int first;
        try (Connection h = pc.getConnection()) {
            first = pid(h);
        }
        assertEquals(List.of("closed"), events.seen);
        Connection h2 = pc.getConnection();
        assertEquals(first, pid(h2), "the same backend serves the next handle");
        h2.close();
        h2.close(); // a second close is no error and no second event
        assertEquals(List.of("closed", "closed"), events.seen);
        assertTrue(h2.isClosed());
        SQLException e = assertThrows(SQLException.class, h2::createStatement);
        assertEquals("08003", e.getSQLState());
        pc.close();
    }

    @Test
    void aTransactionLeftOpenIsRolledBackAndAutoCommitRestored() throws Exception {
        Events events = new Events();
        PooledConnection pc = pooled(events);
        Connection h = pc.getConnection();
        assertTrue(h.getAutoCommit(), "handles start in auto-commit mode");
        h.setAutoCommit(false);
        try (Statement st = h.createStatement()) {
            st.executeQuery("INSERT INTO pooled_t VALUES (1) RETURNING id").close();
        }
        h.close();
        assertEquals(0, rows(), "the borrower did not commit, so nothing landed");
        try (Connection next = pc.getConnection()) {
            assertTrue(next.getAutoCommit());
            try (Statement st = next.createStatement()) {
                st.executeQuery("INSERT INTO pooled_t VALUES (2) RETURNING id").close();
            }
        }
        assertEquals(1, rows(), "auto-commit is back on for the next borrower");
        pc.close();
    }

    @Test
    void askingAgainClosesThePreviousHandleWithoutAnEvent() throws Exception {
        Events events = new Events();
        PooledConnection pc = pooled(events);
        Connection h1 = pc.getConnection();
        int pid = pid(h1);
        Connection h2 = pc.getConnection();
        assertNotSame(h1, h2);
        assertTrue(h1.isClosed());
        SQLException e = assertThrows(SQLException.class, () -> pid(h1));
        assertEquals("08003", e.getSQLState());
        assertTrue(e.getMessage().contains("closed automatically"), e.getMessage());
        assertEquals(pid, pid(h2));
        assertEquals(List.of(), events.seen, "JDBC 4.3, 11.4: no event for a handle the pool itself closed");
        pc.close();
        assertTrue(h2.isClosed(), "closing the pooled connection closes its handle");
    }

    @Test
    void statementsAndMetaDataAnswerTheHandleAsTheirConnection() throws Exception {
        Events events = new Events();
        PooledConnection pc = pooled(events);
        Statement st;
        try (Connection h = pc.getConnection()) {
            st = h.createStatement();
            assertSame(h, st.getConnection());
            PreparedStatement ps = h.prepareStatement("SELECT 1");
            assertSame(h, ps.getConnection());
            assertSame(h, h.prepareCall("{call f()}").getConnection());
            assertSame(h, h.getMetaData().getConnection());
            assertTrue(st.isWrapperFor(Statement.class));
            assertSame(h, h.unwrap(Connection.class), "unwrapping to Connection never gives the session itself away");
            ps.close();
            ps.close();
            assertEquals(List.of("statementClosed"), events.seen, "one statementClosed for a PreparedStatement, however often closed");
        }
        assertTrue(st.isClosed(), "a statement left open ends with its handle, so the next borrower inherits no portal");
        pc.close();
    }

    @Test
    void aKilledSessionFiresConnectionErrorOccurred() throws Exception {
        Events events = new Events();
        PooledConnection pc = pooled(events);
        Connection h = pc.getConnection();
        int pid = pid(h);
        assertTrue(db.admin().terminateBackend(pid));
        SQLException e = assertThrows(SQLException.class, () -> pid(h));
        assertTrue(events.seen.contains("error"), "events: " + events.seen + " after " + e);
        assertSame(e, events.errors.get(0), "the listener gets the exception the application saw");
        pc.close();
    }

    @Test
    void aClosedPooledConnectionRefusesNewHandles() throws Exception {
        Events events = new Events();
        PooledConnection pc = pooled(events);
        pc.close();
        pc.close();
        SQLException e = assertThrows(SQLException.class, pc::getConnection);
        assertEquals("08003", e.getSQLState());
        assertEquals(List.of("error"), events.seen);
    }

    @Test
    void anOrdinaryErrorIsNotFatal() throws Exception {
        Events events = new Events();
        PooledConnection pc = pooled(events);
        try (Connection h = pc.getConnection()) {
            SQLException e = assertThrows(SQLException.class, () -> h.createStatement().executeQuery("SELECT * FROM no_such_table"));
            assertEquals("42P01", e.getSQLState());
            assertEquals(1, pid(h) > 0 ? 1 : 0);
        }
        assertEquals(List.of("closed"), events.seen);
        assertFalse(events.seen.contains("error"));
        pc.close();
    }

    /** The same pool-side JDBC code through pgjdbc's PGConnectionPoolDataSource and Tusk's: the same answers. */
    @Test
    void behavesAsPgjdbcsConnectionPoolDataSource() throws Exception {
        org.postgresql.ds.PGConnectionPoolDataSource pg = new org.postgresql.ds.PGConnectionPoolDataSource();
        pg.setUrl(db.jdbcUrl(PgUsers.TRUST));
        TuskConnectionPoolDataSource tusk = new TuskConnectionPoolDataSource();
        tusk.setUrl("jdbc:tusk://" + db.host() + ":" + db.port() + "/" + db.dbname() + "?sslmode=disable&user=" + PgUsers.TRUST);
        List<String> pgjdbc = observe(pg);
        db.admin().execute("TRUNCATE pooled_t");
        assertEquals(pgjdbc, observe(tusk));
    }

    private List<String> observe(javax.sql.ConnectionPoolDataSource ds) throws Exception {
        Events events = new Events();
        List<String> out = new java.util.ArrayList<>();
        PooledConnection pc = ds.getPooledConnection();
        pc.addConnectionEventListener(events);
        Connection h1 = pc.getConnection();
        out.add("autoCommit=" + h1.getAutoCommit());
        h1.setAutoCommit(false);
        h1.createStatement().executeQuery("INSERT INTO pooled_t VALUES (1) RETURNING id").close();
        Connection h2 = pc.getConnection();
        out.add("firstClosed=" + h1.isClosed() + " use=" + stateOf(h1::createStatement) + " events=" + events.seen);
        out.add("rows=" + rows() + " autoCommit=" + h2.getAutoCommit());
        Statement st = h2.createStatement();
        out.add("statementConnection=" + (st.getConnection() == h2));
        h2.close();
        h2.close();
        out.add("closed=" + h2.isClosed() + " events=" + events.seen + " use=" + stateOf(h2::createStatement));
        pc.close();
        out.add("afterClose=" + stateOf(pc::getConnection) + " events=" + events.seen);
        return out;
    }

    interface SqlCall {
        Object run() throws SQLException;
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
