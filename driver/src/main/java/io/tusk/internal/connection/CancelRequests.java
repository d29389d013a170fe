package io.tusk.internal.connection;

import io.tusk.errors.CancellationTimeout;
import io.tusk.errors.OperationalException;
import io.tusk.internal.net.Transport;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendKeyData;
import io.tusk.internal.protocol.frontend.CancelRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The blocking connection's CancelRequest (protocol "Canceling Requests in Progress"): a new
 * connection to the same server, over TLS when the session uses it (the endpoint's dialer
 * negotiates it as the session did, as libpq's {@code PQcancelCreate} of PostgreSQL 17 does:
 * the request carries the secret key), the request written, then the server's closing of the
 * connection awaited, which says the request was processed.
 */
final class CancelRequests {
    private CancelRequests() {
    }

    /** {@code cancel()}: up to 10 s for each step. */
    /**
     * The blocking {@code cancel()} and {@code cancelSafe(timeout)}: sends a CancelRequest on a
     * new connection to the same server (over TLS when the session uses it) with the backend's
     * key, and waits for the server to close that connection, so that the request has been
     * delivered when this returns (protocol "Canceling Requests"); with a timeout (psycopg's
     * {@code cancel_safe}) the caller waits at most that long. Nothing happens when the session
     * is closed or broken, and a request that finds nothing running is harmless (the server
     * ignores it).
     */
    static void cancel(Session s, Endpoint endpoint, Duration timeout) {
        if (s.isClosed() || s.isBroken() || s.keyData() == null) {
            return;
        }
        if (timeout == null) {
            send(endpoint, s.keyData());
        } else {
            sendWithin(endpoint, s.keyData(), timeout);
        }
    }

    static void send(Endpoint endpoint, BackendKeyData key) {
        try {
            sendOnce(endpoint, key, Duration.ofSeconds(10), new AtomicReference<>());
        } catch (IOException e) {
            throw failed(endpoint, e);
        }
    }

    /**
     * {@code cancelSafe(timeout)}: the same request on a thread of its own, waited for at most
     * {@code timeout}. Why a thread: connecting, the TLS handshake and the wait for the close
     * each have their own timeout, and a server that accepts and then stalls would add them up;
     * here the caller is free at the deadline, and the connection is closed then so that the
     * thread ends too.
     */
    static void sendWithin(Endpoint endpoint, BackendKeyData key, Duration timeout) {
        AtomicReference<Transport> open = new AtomicReference<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                sendOnce(endpoint, key, timeout, open);
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "tusk-cancel-" + endpoint.host());
        t.setDaemon(true);
        t.start();
        try {
            done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            Transport tr = open.getAndSet(null);
            if (tr != null) {
                tr.close();
            }
            throw notAcknowledged(endpoint, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationalException("interrupted while sending the cancel request to " + endpoint.host(), e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof java.net.SocketTimeoutException) {
                // The thread's own read timed out a moment before the wait above did: the same deadline.
                throw notAcknowledged(endpoint, timeout);
            }
            throw c instanceof IOException io ? failed(endpoint, io)
                    : c instanceof RuntimeException r ? r : new OperationalException(c.toString(), c);
        }
    }

    private static void sendOnce(Endpoint endpoint, BackendKeyData key, Duration timeout, AtomicReference<Transport> open)
            throws IOException {
        try (Transport t = endpoint.dialer().dial(timeout)) {
            open.set(t);
            WriteBuffer out = new WriteBuffer(64);
            new CancelRequest(key.processId(), key.secretKey()).encode(out);
            t.out().write(out.array(), 0, out.size());
            t.out().flush();
            t.readTimeout(timeout);
            while (t.in().read() >= 0) {
                // the server sends nothing; it closes the connection once the request is processed
            }
        } finally {
            open.set(null);
        }
    }

    private static CancellationTimeout notAcknowledged(Endpoint endpoint, Duration timeout) {
        return new CancellationTimeout("the cancel request to " + endpoint.host() + ":" + endpoint.port()
                + " was not acknowledged within " + timeout.toMillis() + " ms: the statement may still be running;"
                + " check the network to the server, or close the connection");
    }

    private static OperationalException failed(Endpoint endpoint, IOException e) {
        return new OperationalException("could not send the cancel request to " + endpoint.host() + ": " + e.getMessage(), e);
    }
}
