package io.tusk.errors;

/** Raised for an error of the database's operation, often not under the programmer's control: a lost connection, a failed login, a cancelled query (DB-API OperationalError). */
public class OperationalException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public OperationalException(String message) {
        super(message);
    }

    public OperationalException(String message, Throwable cause) {
        super(message, cause);
    }

    public OperationalException(Diagnostic diag) {
        super(diag);
    }

    public OperationalException(Diagnostic diag, Throwable cause) {
        super(diag, cause);
    }
}
