package io.tusk.jca.outbound;

import io.tusk.Connection;
import io.tusk.TransactionStatus;
import io.tusk.errors.TuskException;
import io.tusk.jca.TuskManagedConnectionFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.SecurityException;
import jakarta.resource.spi.security.PasswordCredential;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * One pooled PostgreSQL session as the application server sees it: the Jakarta Connectors
 * {@code ManagedConnection} over one physical {@link Connection}, handing out
 * {@link TuskConnectionHandle}s to the application.
 *
 * <pre>{@code
 * ManagedConnection mc = mcf.createManagedConnection(null, null);
 * Connection handle = (Connection) mc.getConnection(null, null);
 * mc.cleanup();   // every handle is now invalid; the session is reset, the socket kept
 * mc.destroy();   // closes the session
 * }</pre>
 *
 * <p>Thread-safe: handles may be used from several threads, the container may call
 * {@link #cleanup()} or {@link #destroy()} from its own (the physical connection serialises
 * commands). Events follow Jakarta Connectors 2.1, 6.5.6: CONNECTION_CLOSED carries the
 * handle; CONNECTION_ERROR_OCCURRED is sent once, when the session is broken, so that the
 * pool discards this managed connection.
 */
public final class TuskManagedConnection implements ManagedConnection {
    /** What is driving the session's transaction right now. */
    enum TxMode { NONE, LOCAL, XA }

    private final TuskManagedConnectionFactory factory;
    private final Connection physical;
    private final String user;
    private final boolean defaultAutocommit;
    private final Set<TuskConnectionHandle> handles = new CopyOnWriteArraySet<>();
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean errorReported = new AtomicBoolean();
    private final TuskLocalTransaction localTransaction = new TuskLocalTransaction(this);
    private volatile TxMode txMode = TxMode.NONE;
    private volatile boolean destroyed;
    private volatile PrintWriter logWriter;
    private XAResource xaResource;

    public TuskManagedConnection(TuskManagedConnectionFactory factory, Connection physical, String user, boolean defaultAutocommit) {
        this.factory = Objects.requireNonNull(factory);
        this.physical = Objects.requireNonNull(physical);
        this.user = user;
        this.defaultAutocommit = defaultAutocommit;
        if (defaultAutocommit) {
            physical.setAutocommit(true);
        }
    }

    public TuskManagedConnectionFactory factory() {
        return factory;
    }

    /** The role this session logged in as. */
    public String user() {
        return user;
    }

    /** The physical session (for the XA resource and tests; applications get handles). */
    Connection physical() {
        return physical;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        checkNotDestroyed();
        if (subject != null) {
            for (PasswordCredential pc : subject.getPrivateCredentials(PasswordCredential.class)) {
                boolean ours = pc.getManagedConnectionFactory() == null || factory.equals(pc.getManagedConnectionFactory());
                if (ours && !Objects.equals(pc.getUserName(), user)) {
                    throw new SecurityException("this Tusk connection is logged in as '" + user + "', not '"
                            + pc.getUserName() + "': re-authentication is not supported, the container must match by user");
                }
            }
        }
        TuskConnectionHandle handle = new TuskConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        checkNotDestroyed();
        if (!(connection instanceof TuskConnectionHandle handle)) {
            throw new ResourceException("cannot associate " + (connection == null ? "null" : connection.getClass().getName())
                    + " with a Tusk managed connection: only handles of this adapter can be");
        }
        TuskManagedConnection previous = handle.reassociate(this);
        if (previous != null && previous != this) {
            previous.handles.remove(handle);
        }
        handles.add(handle);
    }

    /**
     * Makes every handle invalid and returns the session to its freshly-created state, keeping
     * the socket (spec 6.5.4.4): an open transaction is rolled back and the transaction
     * characteristics and autocommit mode are restored. A transaction owned by the transaction
     * manager (XA or local) is left to it.
     */
    @Override
    public void cleanup() throws ResourceException {
        invalidateHandles();
        if (destroyed || physical.isClosed() || physical.isBroken() || txMode != TxMode.NONE) {
            return;
        }
        try {
            TransactionStatus status = physical.info().transactionStatus();
            if (status == TransactionStatus.INTRANS || status == TransactionStatus.INERROR) {
                physical.rollback();
            }
            physical.setSession(null, null, null, defaultAutocommit);
        } catch (TuskException e) {
            connectionError(e);
            ResourceException re = new ResourceException("could not reset the Tusk session for reuse: " + e.getMessage());
            re.initCause(e);
            throw re;
        }
    }

    @Override
    public void destroy() {
        destroyed = true;
        invalidateHandles();
        physical.close();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    /** The session's XA resource, always the same instance (spec 6.5.4.6). */
    @Override
    public synchronized XAResource getXAResource() throws ResourceException {
        checkNotDestroyed();
        if (xaResource == null) {
            xaResource = new ManagedXAResource(this, XaResources.create(physical));
        }
        return xaResource;
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        checkNotDestroyed();
        return localTransaction;
    }

    @Override
    public ManagedConnectionMetaData getMetaData() throws ResourceException {
        checkNotDestroyed();
        return new TuskMetaData(physical, user);
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    /** Whether a transaction manager (XA or local) drives the session's transaction. */
    boolean inManagedTransaction() {
        return txMode != TxMode.NONE;
    }

    void setTxMode(TxMode mode) {
        txMode = mode;
    }

    TxMode txMode() {
        return txMode;
    }

    boolean defaultAutocommit() {
        return defaultAutocommit;
    }

    /** Whether this connection can be handed out again (for matchManagedConnections). */
    public boolean isUsable() {
        return !destroyed && !errorReported.get() && !physical.isClosed() && !physical.isBroken();
    }

    /**
     * A round trip that proves the session alive, without opening a transaction when none is
     * open (a validation must not leave an implicit BEGIN behind for the next XA start).
     */
    public boolean ping() {
        if (!isUsable()) {
            return false;
        }
        try {
            boolean idle = physical.info().transactionStatus() == TransactionStatus.IDLE;
            boolean restore = idle && !physical.autocommit();
            if (restore) {
                physical.setAutocommit(true);
            }
            try {
                physical.execute("SELECT 1").close();
            } finally {
                if (restore && !physical.isBroken()) {
                    physical.setAutocommit(false);
                }
            }
            return true;
        } catch (TuskException e) {
            connectionError(e);
            return false;
        }
    }

    /** A handle's close(): CONNECTION_CLOSED with the handle (spec 6.5.6.1). */
    void handleClosed(TuskConnectionHandle handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener l : listeners) {
            l.connectionClosed(event);
        }
    }

    /** Reports a failure seen through a handle or the XA resource: an error event if the session is now broken. */
    void failed(RuntimeException e) {
        if (physical.isBroken() || physical.isClosed()) {
            connectionError(e);
        }
    }

    /** CONNECTION_ERROR_OCCURRED, at most once per managed connection. */
    void connectionError(Exception cause) {
        if (!errorReported.compareAndSet(false, true)) {
            return;
        }
        PrintWriter log = logWriter;
        if (log != null) {
            log.println("Tusk connection broken: " + cause);
        }
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, cause);
        for (ConnectionEventListener l : listeners) {
            l.connectionErrorOccurred(event);
        }
    }

    void fireLocal(int type) {
        ConnectionEvent event = new ConnectionEvent(this, type);
        for (ConnectionEventListener l : listeners) {
            switch (type) {
                case ConnectionEvent.LOCAL_TRANSACTION_STARTED -> l.localTransactionStarted(event);
                case ConnectionEvent.LOCAL_TRANSACTION_COMMITTED -> l.localTransactionCommitted(event);
                case ConnectionEvent.LOCAL_TRANSACTION_ROLLEDBACK -> l.localTransactionRolledback(event);
                default -> throw new IllegalArgumentException("not a local transaction event: " + type);
            }
        }
    }

    /** How many handles are open on this managed connection (tests, diagnostics). */
    public int handleCount() {
        return handles.size();
    }

    private void invalidateHandles() {
        List<TuskConnectionHandle> all = new ArrayList<>(handles);
        handles.clear();
        for (TuskConnectionHandle h : all) {
            h.invalidate();
        }
    }

    private void checkNotDestroyed() throws ResourceException {
        if (destroyed) {
            throw new jakarta.resource.spi.IllegalStateException("this Tusk managed connection was destroyed");
        }
    }

    @Override
    public String toString() {
        return "TuskManagedConnection[user=" + user + ", handles=" + handles.size() + ", tx=" + txMode + "]";
    }
}
