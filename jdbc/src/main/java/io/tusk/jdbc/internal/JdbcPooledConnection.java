package io.tusk.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEvent;
import javax.sql.StatementEventListener;

/**
 * One physical connection lent to the application one handle at a time (JDBC 4.3, chapter 11:
 * connection pooling). {@link #getConnection()} returns a {@link LogicalConnection} handle; its
 * {@code close()} gives the session back (rolling back an open transaction, as pgjdbc does) and
 * fires {@code connectionClosed}; an error that leaves the session unusable (SQLSTATE class 08
 * and the other classes pgjdbc counts as fatal, or a broken socket) fires
 * {@code connectionErrorOccurred} so the pool discards it. Asking for a handle while one is out
 * closes the old one without an event (JDBC 4.3, 11.4: only one logical connection at a time).
 */
public class JdbcPooledConnection implements PooledConnection {
    /** SQLSTATEs (by prefix) after which the session can't be trusted; pgjdbc's PGPooledConnection list. */
    private static final String[] FATAL = {"08", "53", "57P01", "57P02", "57P03", "58", "60", "99", "F0", "XX"};

    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<StatementEventListener> statementListeners = new CopyOnWriteArrayList<>();
    private final boolean defaultAutoCommit;
    /** Null once this pooled connection is closed. */
    private JdbcConnection physical;
    private LogicalConnection last;

    public JdbcPooledConnection(JdbcConnection physical, boolean defaultAutoCommit) {
        this.physical = physical;
        this.defaultAutoCommit = defaultAutoCommit;
    }

    /**
     * A new handle on the session; a handle handed out before is closed first (no event), and
     * the session is reset for the new user (open transaction rolled back, auto-commit as configured).
     */
    @Override
    public Connection getConnection() throws SQLException {
        JdbcConnection c;
        LogicalConnection previous;
        synchronized (this) {
            c = physical;
            previous = last;
            last = null;
        }
        if (c == null) {
            SQLException e = new SQLException("This PooledConnection has already been closed.", "08003");
            fireError(e);
            throw e;
        }
        try {
            if (previous != null) {
                previous.closeAutomatically();
            }
            resetForNewHandle(c);
        } catch (SQLException e) {
            fireError(e);
            throw e;
        }
        LogicalConnection handle = new LogicalConnection(this, c);
        synchronized (this) {
            last = handle;
        }
        return handle.proxy();
    }

    /** Rolls back what the previous user left open and sets the default auto-commit mode. */
    void resetForNewHandle(JdbcConnection c) throws SQLException {
        endLocalTransaction(c);
        if (c.getAutoCommit() != defaultAutoCommit) {
            c.setAutoCommit(defaultAutoCommit);
        }
    }

    /** Rolls back a local transaction left open on {@code c} (a transaction manager's branch is not local: see the XA subclass). */
    void endLocalTransaction(JdbcConnection c) throws SQLException {
        if (!c.isClosed() && !c.getAutoCommit()) {
            c.rollback();
        }
    }

    /**
     * A global transaction owns the session now; the handle then refuses the transaction
     * control methods. Never for a plain pooled connection.
     */
    boolean branchActive() {
        return false;
    }

    /** Called once by a handle the application closed: the session is cleaned and handed back through the event. */
    void handleClosed(LogicalConnection handle, JdbcConnection c) throws SQLException {
        synchronized (this) {
            if (last == handle) {
                last = null;
            }
        }
        SQLException failure = null;
        try {
            endLocalTransaction(c);
        } catch (SQLException e) {
            failure = e;
        }
        try {
            if (!c.isClosed()) {
                c.clearWarnings();
            }
        } catch (SQLException ignored) {
            // Stale warnings only cost memory; the session is fine.
        }
        fireClosed();
        if (failure != null) {
            fatalCheck(failure, c);
            throw failure;
        }
    }

    /** Closes the physical connection; an open handle is closed with it (no event). */
    @Override
    public void close() throws SQLException {
        JdbcConnection c;
        LogicalConnection previous;
        synchronized (this) {
            c = physical;
            previous = last;
            physical = null;
            last = null;
        }
        if (c == null) {
            return;
        }
        if (previous != null) {
            previous.closeAutomatically();
        }
        try {
            endLocalTransaction(c);
        } catch (SQLException ignored) {
            // The session is being closed: the server rolls back whatever is left.
        }
        c.close();
    }

    /** Fires connectionErrorOccurred when {@code e} (raised on {@code c}) means the session is gone. */
    void fatalCheck(SQLException e, JdbcConnection c) {
        if (isFatal(e, c)) {
            fireError(e);
        }
    }

    static boolean isFatal(SQLException e, JdbcConnection c) {
        io.tusk.Connection n = c.nativeConnection();
        if (n.isBroken()) {
            return true;
        }
        String state = e.getSQLState();
        if (state != null) {
            for (String f : FATAL) {
                if (state.startsWith(f)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void fireClosed() {
        ConnectionEvent ev = new ConnectionEvent(this);
        for (ConnectionEventListener l : listeners) {
            l.connectionClosed(ev);
        }
    }

    void fireError(SQLException e) {
        ConnectionEvent ev = new ConnectionEvent(this, e);
        for (ConnectionEventListener l : listeners) {
            l.connectionErrorOccurred(ev);
        }
    }

    void fireStatementClosed(PreparedStatement st) {
        StatementEvent ev = new StatementEvent(this, st);
        for (StatementEventListener l : statementListeners) {
            l.statementClosed(ev);
        }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        if (listener != null) {
            listeners.add(listener);
        }
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    /** Listeners hear {@code statementClosed} when a PreparedStatement (or CallableStatement) of a handle is closed. */
    @Override
    public void addStatementEventListener(StatementEventListener listener) {
        if (listener != null) {
            statementListeners.add(listener);
        }
    }

    @Override
    public void removeStatementEventListener(StatementEventListener listener) {
        statementListeners.remove(listener);
    }

    @Override
    public String toString() {
        JdbcConnection c;
        synchronized (this) {
            c = physical;
        }
        return getClass().getSimpleName() + "[" + (c == null ? "closed" : "backend pid " + safePid(c)) + "]";
    }

    private static String safePid(JdbcConnection c) {
        try {
            return Integer.toString(c.nativeConnection().info().backendPid());
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}
