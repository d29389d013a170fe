package io.tusk.osgitest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls methods on objects of a bundle's class loader, whose types the test cannot name (the
 * test's own io.tusk classes are other classes).
 */
final class Reflect {
    private Reflect() {
    }

    static Object call(Object target, String name, Object... args) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && matches(m, args)) {
                    return invoke(m, target, args);
                }
            }
        }
        for (Class<?> i : target.getClass().getInterfaces()) {
            for (Method m : i.getMethods()) {
                if (m.getName().equals(name) && matches(m, args)) {
                    return invoke(m, target, args);
                }
            }
        }
        throw new IllegalArgumentException("no method " + name + " with " + args.length + " arguments on " + target.getClass());
    }

    static Object callStatic(Class<?> type, String name, Object... args) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && matches(m, args)) {
                return invoke(m, null, args);
            }
        }
        throw new IllegalArgumentException("no static method " + name + " on " + type);
    }

    /** {@code SELECT ...} through a bundle's {@code io.tusk.Connection}: the first column of the first row. */
    static Object queryOne(Object connection, String sql) {
        Object cursor = call(connection, "execute", sql, new Object[0]);
        Object row = call(cursor, "fetchone");
        return call(row, "get", 0);
    }

    private static boolean matches(Method m, Object[] args) {
        Class<?>[] types = m.getParameterTypes();
        if (types.length != args.length) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i].isPrimitive() ? box(types[i]) : types[i];
            if (args[i] != null && !t.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> box(Class<?> primitive) {
        return primitive == int.class ? Integer.class : primitive == long.class ? Long.class
                : primitive == boolean.class ? Boolean.class : Object.class;
    }

    private static Object invoke(Method m, Object target, Object[] args) {
        try {
            m.setAccessible(true);
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
