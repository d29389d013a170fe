package io.tusk.jdbc.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The handle a {@link JdbcPooledConnection} lends: a {@link Connection} proxy over the physical
 * connection that intercepts only what a pool or a global transaction changes (pgjdbc's
 * {@code PGPooledConnection.ConnectionHandler} does the same), and passes every other call on.
 * <ul>
 * <li>{@code close()} closes the handle, its open statements, and hands the session back.</li>
 * <li>Statements and the {@link DatabaseMetaData} it makes are wrapped
 * ({@link LogicalConnectionChild}) so that their {@code getConnection()} is this handle, not the
 * session a caller must not close.</li>
 * <li>While a transaction manager's branch owns the session, {@code commit()},
 * {@code rollback()}, {@code setAutoCommit(true)} and {@code setSavepoint()} are refused with
 * SQLSTATE 55000 (JDBC 4.3, 12.4: transaction boundaries belong to the transaction manager).</li>
 * <li>Any SQLException that means the session is gone fires {@code connectionErrorOccurred}.</li>
 * </ul>
 */
final class LogicalConnection implements InvocationHandler {
    static final String XA_ACTIVE = "Transaction control methods setAutoCommit(true), commit, rollback and setSavePoint not allowed "
            + "while an XA transaction is active.";

    private final JdbcPooledConnection owner;
    private final Connection proxy;
    /** Null once the handle is closed. */
    private JdbcConnection physical;
    private boolean closedAutomatically;
    private final Set<Statement> openStatements = Collections.newSetFromMap(new IdentityHashMap<>());

    LogicalConnection(JdbcPooledConnection owner, JdbcConnection physical) {
        this.owner = owner;
        this.physical = physical;
        this.proxy = (Connection) Proxy.newProxyInstance(LogicalConnection.class.getClassLoader(), new Class<?>[] {Connection.class}, this);
    }

    Connection proxy() {
        return proxy;
    }

    JdbcPooledConnection owner() {
        return owner;
    }

    /** The physical connection while the handle is open. */
    synchronized JdbcConnection physicalOrThrow() throws SQLException {
        if (physical == null) {
            throw closed();
        }
        return physical;
    }

    private SQLException closed() {
        return new SQLException(closedAutomatically
                ? "Connection has been closed automatically because a new connection was opened for the same PooledConnection "
                        + "or the PooledConnection has been closed."
                : "Connection has been closed.", "08003");
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        int n = args == null ? 0 : args.length;
        switch (name) {
            case "equals":
                if (n == 1) {
                    return self == args[0];
                }
                break;
            case "hashCode":
                if (n == 0) {
                    return System.identityHashCode(self);
                }
                break;
            case "toString":
                if (n == 0) {
                    JdbcConnection c = current();
                    return "Tusk pooled connection handle" + (c == null ? " (closed)" : " on " + owner);
                }
                break;
            case "close":
                if (n == 0) {
                    close();
                    return null;
                }
                break;
            case "isClosed":
                if (n == 0) {
                    JdbcConnection c = current();
                    return c == null || c.isClosed();
                }
                break;
            case "isValid":
                if (current() == null) {
                    return false;
                }
                break;
            case "unwrap":
                if (n == 1 && ((Class<?>) args[0]).isInstance(self)) {
                    return self;
                }
                break;
            case "isWrapperFor":
                if (n == 1 && ((Class<?>) args[0]).isInstance(self)) {
                    return true;
                }
                break;
            default:
                break;
        }
        JdbcConnection c = physicalOrThrow();
        if (owner.branchActive()) {
            if (controlsTransaction(name, args)) {
                throw new SQLException(XA_ACTIVE, "55000");
            }
            if (name.equals("setAutoCommit")) {
                return null; // false: a branch always runs with auto-commit off, and an unchanged mode is a no-op (Connection#setAutoCommit)
            }
        }
        Object result;
        try {
            result = method.invoke(c, args);
        } catch (InvocationTargetException e) {
            Throwable cause = sqlException(e.getCause());
            if (cause instanceof SQLException se) {
                owner.fatalCheck(se, c);
            }
            throw cause;
        }
        if (result instanceof Statement st) {
            return track(st, method.getReturnType());
        }
        if (result instanceof DatabaseMetaData md) {
            return LogicalConnectionChild.wrap(this, md, DatabaseMetaData.class);
        }
        return result;
    }

    /** A Tusk exception that escaped the physical connection as the SQLException JDBC callers catch; anything else as it is. */
    static Throwable sqlException(Throwable t) {
        return t instanceof io.tusk.errors.TuskException te ? JdbcErrors.translate(te) : t;
    }

    /** JDBC 4.3, 12.4: the methods a global transaction forbids (pgjdbc's PGXAConnection list, rollback(Savepoint) included). */
    private static boolean controlsTransaction(String name, Object[] args) {
        return switch (name) {
            case "commit", "rollback", "setSavepoint" -> true;
            case "setAutoCommit" -> Boolean.TRUE.equals(args[0]);
            default -> false;
        };
    }

    private Object track(Statement st, Class<?> declared) {
        Class<? extends Statement> iface = CallableStatement.class.isAssignableFrom(declared) ? CallableStatement.class
                : PreparedStatement.class.isAssignableFrom(declared) ? PreparedStatement.class : Statement.class;
        synchronized (openStatements) {
            openStatements.add(st);
        }
        return LogicalConnectionChild.wrap(this, st, iface);
    }

    /** The application closed a statement: forget it, and tell statement listeners the first time. */
    void statementClosed(Statement target, Object statementProxy) {
        boolean first;
        synchronized (openStatements) {
            first = openStatements.remove(target);
        }
        if (first && statementProxy instanceof PreparedStatement ps) {
            owner.fireStatementClosed(ps);
        }
    }

    /** The physical connection, or null when the handle is closed. */
    synchronized JdbcConnection current() {
        return physical;
    }

    /** The application closed the handle: close its statements, hand the session back, fire connectionClosed. */
    private void close() throws SQLException {
        JdbcConnection c;
        synchronized (this) {
            c = physical;
            physical = null;
        }
        if (c == null) {
            return; // closing twice is no error (java.sql.Connection#close)
        }
        closeStatements();
        owner.handleClosed(this, c);
    }

    /** Closed because a new handle was asked for, or the pooled connection closed: no event (JDBC 4.3, 11.4). */
    void closeAutomatically() {
        synchronized (this) {
            if (physical == null) {
                return;
            }
            physical = null;
            closedAutomatically = true;
        }
        closeStatements();
    }

    /**
     * Statements left open by the application would keep their portals and prepared statements
     * on the session the next borrower gets; they end with the handle.
     */
    private void closeStatements() {
        List<Statement> open;
        synchronized (openStatements) {
            open = new ArrayList<>(openStatements);
            openStatements.clear();
        }
        for (Statement st : open) {
            try {
                st.close();
            } catch (SQLException ignored) {
                // Closing a statement of a handle being closed: nothing the caller can do about it.
            }
        }
    }
}
