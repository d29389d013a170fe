package io.tusk.errors;

/** Raised for an error of the driver or its use, not of the database (DB-API InterfaceError). */
public class InterfaceException extends TuskException {
    private static final long serialVersionUID = 1L;

    public InterfaceException(String message) {
        super(message);
    }

    public InterfaceException(String message, Throwable cause) {
        super(message, cause);
    }

    public InterfaceException(Diagnostic diag) {
        super(diag);
    }

    public InterfaceException(Diagnostic diag, Throwable cause) {
        super(diag, cause);
    }
}
