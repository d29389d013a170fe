package io.tusk.jdbc.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A statement or the {@link java.sql.DatabaseMetaData} reached from a {@link LogicalConnection}:
 * {@code getConnection()} answers the handle (closing it must not close the session), closing a
 * statement is recorded by the handle, and a fatal SQLException fires
 * {@code connectionErrorOccurred}. Everything else goes to the real object. Result sets are not
 * wrapped (as in pgjdbc): their {@code getStatement()} is the driver's own statement.
 */
final class LogicalConnectionChild implements InvocationHandler {
    private final LogicalConnection handle;
    private final Object target;

    private LogicalConnectionChild(LogicalConnection handle, Object target) {
        this.handle = handle;
        this.target = target;
    }

    static <T> T wrap(LogicalConnection handle, T target, Class<? extends T> iface) {
        return iface.cast(Proxy.newProxyInstance(LogicalConnectionChild.class.getClassLoader(), new Class<?>[] {iface},
                new LogicalConnectionChild(handle, target)));
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
                    return target.toString();
                }
                break;
            case "getConnection":
                if (n == 0) {
                    handle.physicalOrThrow();
                    return handle.proxy();
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
        boolean closing = n == 0 && name.equals("close") && target instanceof Statement;
        if (!(target instanceof Statement)) {
            handle.physicalOrThrow(); // metadata queries of a closed handle would run on the next borrower's session
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = LogicalConnection.sqlException(e.getCause());
            if (cause instanceof SQLException se) {
                JdbcConnection c = handle.current();
                if (c != null) {
                    handle.owner().fatalCheck(se, c);
                }
            }
            throw cause;
        }
        if (closing) {
            handle.statementClosed((Statement) target, self);
        }
        return result;
    }
}
