package io.tusk.errors;

/**
 * Raised for a transaction the server rolled back: serialization failure, deadlock (SQLSTATE class
 * 40; psycopg2's TransactionRollbackError). Every class 40 SQLSTATE has a generated subclass:
 * {@link SerializationFailure}, {@link DeadlockDetected}, ...; retrying the transaction is the cure.
 */
public class TransactionRollbackException extends OperationalException {
    private static final long serialVersionUID = 1L;

    public TransactionRollbackException(String message) {
        super(message);
    }

    public TransactionRollbackException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransactionRollbackException(Diagnostic diag) {
        super(diag);
    }

    public TransactionRollbackException(Diagnostic diag, Throwable cause) {
        super(diag, cause);
    }
}
