package io.tusk.errors;

/** Raised for a violated integrity constraint: unique, foreign key, check, not null (DB-API IntegrityError). */
public class IntegrityException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public IntegrityException(String message) {
        super(message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }

    public IntegrityException(Diagnostic diag) {
        super(diag);
    }

    public IntegrityException(Diagnostic diag, Throwable cause) {
        super(diag, cause);
    }
}
