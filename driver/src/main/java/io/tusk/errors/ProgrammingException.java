package io.tusk.errors;

/** Raised for a programming error: a missing table, a syntax error, wrong parameters (DB-API ProgrammingError). */
public class ProgrammingException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public ProgrammingException(String message) {
        super(message);
    }

    public ProgrammingException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProgrammingException(Diagnostic diag) {
        super(diag);
    }

    public ProgrammingException(Diagnostic diag, Throwable cause) {
        super(diag, cause);
    }
}
