package io.tusk.internal.connection;

import io.tusk.errors.OperationalException;
import io.tusk.internal.net.Transport;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * connect_timeout as libpq applies it: one deadline for the whole attempt on one address (TCP
 * connect, TLS request and handshake, start-up, authentication, and sslmode's second try on the
 * same address), not a bound on each read, which a server sending one byte at a time would
 * stretch without end. A watchdog closes the transport when the deadline passes, so whatever
 * blocks on it (a read, a TLS handshake) fails at once; {@link #timedOut()} then tells why.
 */
final class ConnectDeadline {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tusk-connect-timeout");
        t.setDaemon(true);
        return t;
    });

    private final Duration timeout;
    private final long deadlineNanos;
    private volatile boolean fired;

    private ConnectDeadline(Duration timeout) {
        this.timeout = timeout;
        this.deadlineNanos = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
    }

    /** A deadline {@code timeout} from now; {@code null} for none. */
    static ConnectDeadline after(Duration timeout) {
        return new ConnectDeadline(timeout);
    }

    /** What is left, at least 1 ms; {@code null} without a deadline. */
    Duration remaining() {
        if (timeout == null) {
            return null;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            fired = true;
            throw expired(null);
        }
        return Duration.ofNanos(Math.max(left, 1_000_000));
    }

    /** Closes {@code t} when the deadline passes; the returned handle stops the watch. */
    AutoCloseable watch(Transport t) {
        if (timeout == null) {
            return () -> { };
        }
        ScheduledFuture<?> f = WATCHDOG.schedule(() -> {
            fired = true;
            t.close();
        }, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    /** Whether the deadline passed (and the watched transport was closed for it). */
    boolean timedOut() {
        return fired || timeout != null && System.nanoTime() - deadlineNanos >= 0;
    }

    /**
     * Whether {@code failure} is the read timeout this deadline set: the socket's own timer may
     * fire a moment before {@link #timedOut()} agrees, and both are the same connect_timeout.
     */
    boolean bounds(Throwable failure) {
        for (Throwable t = failure; t != null && timeout != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    OperationalException expired(Throwable cause) {
        return ConnectPlan.timeout(timeout, cause);
    }
}
