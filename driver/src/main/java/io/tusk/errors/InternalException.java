package io.tusk.errors;

/** Raised for an internal error of the database: an invalid cursor, a transaction out of sync (DB-API InternalError). */
public class InternalException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public InternalException(String message) {
        super(message);
    }

    public InternalException(String message, Throwable cause) {
        super(message, cause);
    }

    public InternalException(Diagnostic diag) {
        super(diag);
    }

    public InternalException(Diagnostic diag, Throwable cause) {
        super(diag, cause);
    }
}
