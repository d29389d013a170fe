package io.tusk.errors;

/**
 * Raised for a statement cancelled by cancel() or by statement_timeout (SQLSTATE 57014; psycopg's
 * QueryCanceled). The server's 57014 arrives as its generated subclass {@link QueryCanceled}.
 */
public class QueryCanceledException extends OperationalException {
    private static final long serialVersionUID = 1L;

    public QueryCanceledException(String message) {
        super(message);
    }

    public QueryCanceledException(String message, Throwable cause) {
        super(message, cause);
    }

    public QueryCanceledException(Diagnostic diag) {
        super(diag);
    }

    public QueryCanceledException(Diagnostic diag, Throwable cause) {
        super(diag, cause);
    }
}
