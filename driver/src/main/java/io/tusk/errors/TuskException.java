package io.tusk.errors;

/**
 * The root of every exception Tusk raises: DB-API's {@code Error} (psycopg's {@code psycopg.Error}).
 *
 * <p>All Tusk exceptions are unchecked. Errors that come from the server carry the server's
 * SQLSTATE and every diagnostic field:
 * <pre>{@code
 * try { conn.execute("INSERT INTO t VALUES (1)"); }
 * catch (UniqueViolation e) { log(e.diag().constraintName()); }
 * }</pre>
 */
public class TuskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diag;

    public TuskException(String message) {
        this(message, (Throwable) null);
    }

    public TuskException(String message, Throwable cause) {
        super(message, cause);
        this.diag = Diagnostic.EMPTY;
    }

    /** An error reported by the server: the message is the primary message, the fields come along. */
    public TuskException(Diagnostic diag) {
        this(diag, null);
    }

    public TuskException(Diagnostic diag, Throwable cause) {
        super(diag.messagePrimary() == null ? "error from the server" : diag.messagePrimary(), cause);
        this.diag = diag;
    }

    /** The SQLSTATE of the error, or {@code null} when it did not come from the server. */
    public String sqlstate() {
        return diag.sqlstate();
    }

    /** Every field the server sent with the error; all {@code null} for client-side errors. */
    public Diagnostic diag() {
        return diag;
    }
}
