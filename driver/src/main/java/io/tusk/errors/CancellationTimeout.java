package io.tusk.errors;

/**
 * Raised by {@code cancelSafe(timeout)} when the cancel request was not acknowledged within the
 * timeout (psycopg's {@code CancellationTimeout}, an OperationalError): the server did not
 * accept the cancel connection or did not close it in time. The statement may still be running.
 *
 * <pre>{@code
 * try { conn.cancelSafe(Duration.ofSeconds(5)); }
 * catch (CancellationTimeout e) { conn.close(); }   // the server is unreachable: give up on it
 * }</pre>
 */
public class CancellationTimeout extends OperationalException {
    private static final long serialVersionUID = 1L;

    public CancellationTimeout(String message) {
        super(message);
    }
}
