package io.tusk.errors;

/** Raised for a method or database API the server or the driver does not support (DB-API NotSupportedError). */
public class NotSupportedException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public NotSupportedException(String message) {
        super(message);
    }

    public NotSupportedException(String message, Throwable cause) {
        super(message, cause);
    }

    public NotSupportedException(Diagnostic diag) {
        super(diag);
    }

    public NotSupportedException(Diagnostic diag, Throwable cause) {
        super(diag, cause);
    }
}
