package io.tusk.xa.internal;

import io.tusk.Connection;
import io.tusk.errors.InterfaceException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A handle on a session lent to the application (JDBC's logical connection): every call goes to
 * the session, except {@code close()}, which runs {@code onClose} once (delist the XA
 * resource) instead of closing the session, whose life the transaction decides.
 */
public final class ConnectionHandle implements InvocationHandler {
    private final Connection target;
    private final Runnable onClose;
    private boolean closed;

    private ConnectionHandle(Connection target, Runnable onClose) {
        this.target = target;
        this.onClose = onClose;
    }

    public static Connection of(Connection target, Runnable onClose) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new ConnectionHandle(target, onClose));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        int n = args == null ? 0 : args.length;
        if (n == 0 && name.equals("close")) {
            boolean first;
            synchronized (this) {
                first = !closed;
                closed = true;
            }
            if (first) {
                onClose.run();
            }
            return null;
        }
        if (n == 0 && name.equals("isClosed")) {
            return isClosed() || target.isClosed();
        }
        if (n == 0 && name.equals("hashCode")) {
            return System.identityHashCode(proxy);
        }
        if (n == 1 && name.equals("equals")) {
            return proxy == args[0];
        }
        if (n == 0 && name.equals("toString")) {
            return "a handle on " + target + (isClosed() ? " (closed)" : "");
        }
        if (isClosed()) {
            throw new InterfaceException("this connection handle is closed: get a new one from the connection source");
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }
}
