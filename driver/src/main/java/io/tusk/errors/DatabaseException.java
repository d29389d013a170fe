package io.tusk.errors;

/** Raised for an error of the database (DB-API DatabaseError). */
public class DatabaseException extends TuskException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseException(Diagnostic diag) {
        super(diag);
    }

    public DatabaseException(Diagnostic diag, Throwable cause) {
        super(diag, cause);
    }
}
