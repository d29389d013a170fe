package io.tusk.cli;

import io.tusk.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C as psql handles it: the first one asks the server to cancel the running statement
 * (a CancelRequest, protocol section 55.2.8 "Canceling Requests in Progress", through
 * {@link Connection#cancel()}) and lets the command fail with the server's
 * {@code canceling statement due to user request}; a second one exits at once (status 130).
 * Without a handler the JVM would exit at the first Ctrl-C while the server went on running the
 * statement.
 *
 * <p>{@code sun.misc.Signal} (module jdk.unsupported) is the only way to catch SIGINT in the JDK;
 * where it is missing (a JVM started with {@code -Xrs}, or with SIGINT ignored) the JVM's own
 * handling stays.
 *
 * <p>Example: {@code try (Interrupts.Guard g = Interrupts.guard(conn)) { conn.execute(sql); }}.
 */
final class Interrupts {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final java.util.Set<Connection> CURRENT = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static boolean installed;

    private Interrupts() {
    }

    /** Installs the handler once per process; false when the JVM does not let us. */
    static synchronized boolean install() {
        if (!installed) {
            try {
                Signal.handle(new Signal("INT"), s -> interrupted());
                installed = true;
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                return false; // the JVM's own handling stays
            }
        }
        return true;
    }

    /** Cancels what runs on {@code conn} at the next Ctrl-C, until the guard closes. */
    static Guard guard(Connection conn) {
        install();
        CURRENT.add(conn);
        return () -> CURRENT.remove(conn);
    }

    /** True once Ctrl-C was pressed: long client-side loops stop at the next step. */
    static boolean pressed() {
        return COUNT.get() > 0;
    }

    /** Throws the failure psql reports when Ctrl-C was pressed and nothing was left to cancel on the server. */
    static void check() {
        if (pressed()) {
            throw new CliException("canceled by user (Ctrl-C)");
        }
    }

    private static void interrupted() {
        if (COUNT.incrementAndGet() > 1) {
            System.err.println();
            System.err.flush();
            System.exit(130); // 128 + SIGINT, as shells report it; shutdown hooks still run (an embedded server stops)
        }
        for (Connection conn : CURRENT) {
            try {
                conn.cancel();
            } catch (RuntimeException e) {
                System.err.println("tusk: could not send the cancel request: " + Failures.describe(e));
                System.err.flush();
            }
        }
    }

    /** Ends the cancel-on-Ctrl-C scope. */
    interface Guard extends AutoCloseable {
        @Override
        void close();
    }
}
