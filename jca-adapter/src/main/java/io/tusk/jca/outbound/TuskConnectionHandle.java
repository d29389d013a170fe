package io.tusk.jca.outbound;

import io.tusk.Connection;
import io.tusk.TransactionStatus;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.NotSupportedException;
import io.tusk.errors.ProgrammingException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * The {@link Connection} an application gets from a {@code TuskConnectionFactory}: a handle on a
 * pooled session ({@link TuskManagedConnection}), the connector's "connection handle"
 * (Jakarta Connectors 2.1, 6.5.4.2).
 *
 * <pre>{@code
 * try (Connection conn = factory.getConnection()) {   // a handle
 *     conn.execute("INSERT INTO t VALUES (%s)", 1);
 * }                                                    // back to the pool, its cursors closed
 * }</pre>
 *
 * <p>Every call goes to the session the handle is associated with now (the server may move a
 * handle to another session with {@code associateConnection}). While a transaction manager
 * drives the session's transaction, {@code commit}, {@code rollback}, {@code setAutocommit},
 * {@code setSession} and the {@code tpc*} methods raise {@link ProgrammingException}. After
 * {@link #close()} or the container's {@code cleanup()} every call raises
 * {@link InterfaceException}. Cursors, large objects, notice and notification handlers opened
 * through a handle are closed or removed with it.
 *
 * <p>Why a {@link Proxy}: a handle is the session's {@code Connection} with those few methods
 * intercepted, so the application gets a {@code java.lang.reflect.Proxy} of {@link Connection}
 * whose calls come here; every method the handle has nothing to add to is passed on as it is,
 * and a method added to {@code Connection} is passed on without being listed here.
 */
public final class TuskConnectionHandle implements InvocationHandler {
    /** What a handle adds to {@link Connection}: JDBC's {@code isValid(int)}, looked up by name (see {@link #isValid}). */
    public interface Validation {
        boolean isValid(int timeoutSeconds);
    }

    /** Methods that end or shape the transaction: refused while a transaction manager drives it. */
    private static final Set<String> MANAGED_TX_FORBIDDEN = Set.of("commit", "rollback", "setAutocommit", "setSession",
            "tpcBegin", "tpcPrepare", "tpcCommit", "tpcRollback", "tpcRecover");
    /** Blocks nest as savepoints inside a managed transaction ({@link #openManagedBlock}). */
    private static final Set<String> BLOCKS = Set.of("transaction", "runInTransaction");
    /** Methods whose cursors and large objects must not outlive the handle (6.5.4.4): they are closed with it. */
    private static final Set<String> TRACKED = Set.of("cursor", "execute", "clientCursor", "rawCursor", "largeObject");

    private final Connection proxy;
    private volatile TuskManagedConnection mc;
    private volatile boolean closed;
    private final HandleResources resources = new HandleResources();

    TuskConnectionHandle(TuskManagedConnection mc) {
        this.mc = mc;
        this.proxy = (Connection) Proxy.newProxyInstance(TuskConnectionHandle.class.getClassLoader(),
                new Class<?>[] {Connection.class, Validation.class}, this);
    }

    /** The connection the application uses. */
    Connection connection() {
        return proxy;
    }

    /** The handle behind a connection given out by {@link #connection()}, or null for any other object. */
    static TuskConnectionHandle of(Object connection) {
        return connection != null && Proxy.isProxyClass(connection.getClass())
                && Proxy.getInvocationHandler(connection) instanceof TuskConnectionHandle h ? h : null;
    }

    /** Moves the handle to another managed connection; returns the previous one. */
    synchronized TuskManagedConnection reassociate(TuskManagedConnection target) {
        TuskManagedConnection previous = mc;
        if (previous != null && previous != target) {
            resources.moveHandlers(previous.physical(), target.physical());
        }
        mc = target;
        closed = false;
        return previous;
    }

    /** The container's cleanup()/destroy(): the handle is dead, its resources released. */
    void invalidate() {
        TuskManagedConnection m = mc;
        closed = true;
        resources.release(m == null ? null : m.physical());
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        int n = args == null ? 0 : args.length;
        switch (name) {
            case "close":
                if (n == 0) {
                    close();
                    return null;
                }
                break;
            case "isClosed":
                return isClosed();
            case "isBroken":
                TuskManagedConnection m = mc;
                return m != null && m.physical().isBroken();
            case "isValid":
                return isValid((Integer) args[0]);
            case "reset":
                conn();
                throw new NotSupportedException("reset() is not available on a pooled Tusk connection: close() the handle "
                        + "(the server's pool resets the session) and get a new one from the TuskConnectionFactory");
            case "equals":
                return n == 1 && self == args[0];
            case "hashCode":
                return System.identityHashCode(self);
            case "toString":
                return "TuskConnectionHandle[" + (closed ? "closed" : String.valueOf(mc)) + "]";
            case "addNoticeHandler":
                resources.addNoticeHandler(conn(), cast(args[0]));
                return null;
            case "removeNoticeHandler":
                resources.removeNoticeHandler(conn(), cast(args[0]));
                return null;
            case "addNotifyHandler":
                resources.addNotifyHandler(conn(), cast(args[0]));
                return null;
            case "removeNotifyHandler":
                resources.removeNotifyHandler(conn(), cast(args[0]));
                return null;
            default:
                break;
        }
        Connection c = MANAGED_TX_FORBIDDEN.contains(name) ? outsideManagedTx(name + "()")
                : BLOCKS.contains(name) ? openManagedBlock() : conn();
        Object result;
        try {
            result = method.invoke(c, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                reportIfBroken(r);
            }
            throw e.getCause();
        }
        return result instanceof AutoCloseable a && TRACKED.contains(name) ? resources.track(a) : result;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    // ---- state checks ----

    private Connection conn() {
        TuskManagedConnection m = mc;
        if (closed || m == null) {
            throw new InterfaceException("this Tusk connection handle is closed: get a new one from the TuskConnectionFactory");
        }
        return m.physical();
    }

    private Connection outsideManagedTx(String what) {
        Connection c = conn();
        if (mc.inManagedTransaction()) {
            throw new ProgrammingException(what + " is not allowed while the application server's transaction manager "
                    + "drives this connection's transaction: end the transaction through JTA (UserTransaction or the container)");
        }
        return c;
    }

    /**
     * Inside a managed transaction a {@code transaction()} block must nest as a savepoint, never
     * COMMIT on its own: when the container's local transaction has not yet run a statement, one
     * is run so that the block is opened (psycopg's transaction() only commits what it began).
     */
    private Connection openManagedBlock() {
        Connection c = conn();
        if (mc.inManagedTransaction() && c.info().transactionStatus() == TransactionStatus.IDLE) {
            try {
                c.execute("SELECT 1").close();
            } catch (RuntimeException e) {
                reportIfBroken(e);
                throw e;
            }
        }
        return c;
    }

    private void reportIfBroken(RuntimeException e) {
        TuskManagedConnection m = mc;
        if (m != null) {
            m.failed(e);
        }
    }

    // ---- what a handle is, beyond its session

    /** Returns the session to the pool (CONNECTION_CLOSED); it is not closed. Calling it again does nothing. */
    void close() {
        TuskManagedConnection m;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            m = mc;
        }
        resources.release(m == null ? null : m.physical());
        if (m != null) {
            m.handleClosed(this);
        }
    }

    private boolean isClosed() {
        TuskManagedConnection m = mc;
        return closed || m == null || m.physical().isClosed();
    }

    /**
     * Whether the session answers a round trip within the server's time (JDBC's
     * {@code Connection.isValid(int)}, which IronJacamar's recovery looks up by name: without it a
     * recovery connection is destroyed as soon as it is opened). Opens no transaction.
     */
    private boolean isValid(int timeoutSeconds) {
        TuskManagedConnection m = mc;
        return !closed && m != null && (m.inManagedTransaction() ? !m.physical().isBroken() : m.ping());
    }
}
