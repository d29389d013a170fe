package io.tusk.errors;

import java.util.Objects;

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

    private final Diagnostic diag;

    public TuskException(String message) {
        this(message, (Throwable) null);
    }

    public TuskException(String message, Throwable cause) {
        super(message, cause);
        this.diag = Diagnostic.EMPTY;
    }

    /**
     * An error reported by the server, with every field it sent. The message is what psycopg's
     * {@code str(e)} shows: the primary message, then the DETAIL, HINT, QUERY and CONTEXT lines
     * as libpq writes them (see {@link Errors#fromDiagnostic}).
     */
    public TuskException(Diagnostic diag) {
        this(diag, null);
    }

    public TuskException(Diagnostic diag, Throwable cause) {
        super(ErrorMessage.format(Objects.requireNonNull(diag, "diag")), cause);
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
