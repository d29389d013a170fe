package io.tusk.errors;

/** Raised for a problem with the processed data: division by zero, a value out of range (DB-API DataError). */
public class DataException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    public DataException(Diagnostic diag) {
        super(diag);
    }

    public DataException(Diagnostic diag, Throwable cause) {
        super(diag, cause);
    }
}
