package io.tusk.jdbc.internal;

import io.tusk.errors.DataException;
import io.tusk.errors.IntegrityException;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.InternalException;
import io.tusk.errors.NotSupportedException;
import io.tusk.errors.OperationalException;
import io.tusk.errors.ProgrammingException;
import io.tusk.errors.QueryCanceledException;
import io.tusk.errors.TransactionRollbackException;
import io.tusk.errors.TuskException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns Tusk's exceptions into JDBC's, keeping the Tusk exception (and its Diagnostic) as cause.
 *
 * <p>The subclass follows the SQLSTATE class as JDBC 4.3 §8.5 ("SQLException subclasses") ties
 * them: 0A feature not supported, 08 connection, 22 data, 23 integrity, 28 authorization, 40
 * transaction rollback, 42 syntax or access rule. pgjdbc raises a plain {@code PSQLException}
 * for all of them with the same SQLSTATE, so code that reads {@code getSQLState()} sees the same
 * value through either driver; code that catches by class (Spring's
 * {@code SQLExceptionSubclassTranslator}, jOOQ, Hibernate) gets the finer answer.
 *
 * <p>Errors Tusk raises on the client carry no SQLSTATE; they get pgjdbc's for the same
 * situation (08006 for a lost connection, 08001 when connecting fails, 57014 for a canceled
 * statement, 0A000 for a feature Tusk lacks).
 */
public final class JdbcErrors {
    /** pgjdbc's {@code PSQLState.CONNECTION_UNABLE_TO_CONNECT}. */
    public static final String UNABLE_TO_CONNECT = "08001";
    /** pgjdbc's {@code PSQLState.CONNECTION_DOES_NOT_EXIST}: a call on a closed connection. */
    public static final String CONNECTION_DOES_NOT_EXIST = "08003";
    /** pgjdbc's {@code PSQLState.CONNECTION_FAILURE}: the connection broke. */
    public static final String CONNECTION_FAILURE = "08006";
    /** pgjdbc's {@code PSQLState.OBJECT_NOT_IN_STATE}: the call does not fit the object's state. */
    public static final String OBJECT_NOT_IN_STATE = "55000";
    /** pgjdbc's {@code PSQLState.INVALID_PARAMETER_VALUE}. */
    public static final String INVALID_PARAMETER_VALUE = "22023";
    /** pgjdbc's {@code PSQLState.INVALID_PARAMETER_TYPE}: a value that cannot convert. */
    public static final String INVALID_PARAMETER_TYPE = "07006";
    /** pgjdbc's {@code PSQLState.NOT_IMPLEMENTED}. */
    public static final String NOT_IMPLEMENTED = "0A000";
    /** pgjdbc's {@code PSQLState.NO_ACTIVE_SQL_TRANSACTION}: commit/rollback in autocommit mode. */
    public static final String NO_ACTIVE_SQL_TRANSACTION = "25P01";
    /** PostgreSQL's query_canceled, also what a query timeout ends with. */
    public static final String QUERY_CANCELED = "57014";
    /** pgjdbc's {@code PSQLState.UNEXPECTED_ERROR}: a fault inside the driver. */
    public static final String UNEXPECTED_ERROR = "99999";

    private JdbcErrors() {
    }

    /** The SQLException for {@code e}: its message, its SQLSTATE (or pgjdbc's for a client-side error), {@code e} as cause. */
    public static SQLException translate(TuskException e) {
        String state = e.sqlstate() != null ? e.sqlstate() : clientState(e);
        return of(e.getMessage(), state, e);
    }

    /**
     * As {@link #translate(TuskException)} for a failure while opening a connection: a
     * client-side error (no route, refused, TLS, a bad connection string) is 08001 as in pgjdbc,
     * and a passed {@code connect_timeout} is an {@link SQLTimeoutException} as JDBC asks of a
     * login timeout.
     */
    public static SQLException translateConnect(TuskException e) {
        if (e.sqlstate() != null) {
            return translate(e);
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (message.contains("(connect_timeout)")) {
            return new SQLTimeoutException(message, UNABLE_TO_CONNECT, e);
        }
        if (e instanceof ProgrammingException || e instanceof InterfaceException) {
            // a bad setting: trying again will not help
            return new SQLNonTransientConnectionException(message, UNABLE_TO_CONNECT, e);
        }
        return new SQLTransientConnectionException(message, UNABLE_TO_CONNECT, e);
    }

    /**
     * As {@link #translate(TuskException)} for a statement that ran out of its query timeout:
     * the server's 57014 becomes an {@link SQLTimeoutException} (JDBC: "the timeout specified by
     * Statement.setQueryTimeout has expired").
     */
    public static SQLException translateTimeout(TuskException e) {
        String state = e.sqlstate() != null ? e.sqlstate() : clientState(e);
        if (QUERY_CANCELED.equals(state)) {
            return new SQLTimeoutException(e.getMessage(), state, e);
        }
        return of(e.getMessage(), state, e);
    }

    /**
     * A RuntimeException that escaped the native API (a Tusk exception, or a JDK one such as an
     * {@link IllegalArgumentException} for a value out of range) as an SQLException, so none
     * reaches the JDBC caller unchecked.
     */
    public static SQLException translate(RuntimeException e) {
        if (e instanceof TuskException) {
            return translate((TuskException) e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof IllegalArgumentException || e instanceof ClassCastException
                || e instanceof ArithmeticException || e instanceof java.time.DateTimeException) {
            // a value the driver cannot take: pgjdbc's "Cannot convert ..." is 22023 or 07006
            return new SQLDataException(message, INVALID_PARAMETER_VALUE, e);
        }
        if (e instanceof UnsupportedOperationException) {
            return new SQLFeatureNotSupportedException(message, NOT_IMPLEMENTED, e);
        }
        if (e instanceof IllegalStateException) {
            return new SQLException(message, OBJECT_NOT_IN_STATE, e);
        }
        if (e instanceof java.io.UncheckedIOException) {
            return new SQLTransientConnectionException(message, CONNECTION_FAILURE, e);
        }
        return new SQLException("unexpected error inside the Tusk JDBC driver: " + e, UNEXPECTED_ERROR, e);
    }

    /** An SQLException of the subclass JDBC gives {@code sqlstate}'s class. */
    public static SQLException of(String message, String sqlstate, Throwable cause) {
        if (sqlstate == null || sqlstate.length() < 2) {
            return new SQLException(message, sqlstate, cause);
        }
        switch (sqlstate) {
            case "57P01": // admin_shutdown
            case "57P02": // crash_shutdown
            case "57P03": // cannot_connect_now: the server is starting
            case "53300": // too_many_connections
                return new SQLTransientConnectionException(message, sqlstate, cause);
            default:
                break;
        }
        switch (sqlstate.substring(0, 2)) {
            case "0A":
                return new SQLFeatureNotSupportedException(message, sqlstate, cause);
            case "08":
                // 08001 (could not connect) and 08006 (connection lost) may succeed when tried
                // again; 08003 (no connection), 08004 (rejected), 08P01 (protocol violation) won't.
                return sqlstate.equals(UNABLE_TO_CONNECT) || sqlstate.equals(CONNECTION_FAILURE)
                        ? new SQLTransientConnectionException(message, sqlstate, cause)
                        : new SQLNonTransientConnectionException(message, sqlstate, cause);
            case "22":
                return new SQLDataException(message, sqlstate, cause);
            case "23":
                return new SQLIntegrityConstraintViolationException(message, sqlstate, cause);
            case "28":
                return new SQLInvalidAuthorizationSpecException(message, sqlstate, cause);
            case "40":
                return new SQLTransactionRollbackException(message, sqlstate, cause);
            case "42":
                return new SQLSyntaxErrorException(message, sqlstate, cause);
            default:
                return new SQLException(message, sqlstate, cause);
        }
    }

    /** A call on a closed connection, as pgjdbc words it. */
    public static SQLException connectionClosed() {
        return new SQLNonTransientConnectionException("This connection has been closed.", CONNECTION_DOES_NOT_EXIST);
    }

    /** The SQLSTATE pgjdbc uses for what Tusk found wrong on the client. */
    private static String clientState(TuskException e) {
        if (e instanceof QueryCanceledException) {
            return QUERY_CANCELED;
        }
        if (e instanceof TransactionRollbackException) {
            return "40000";
        }
        if (e instanceof io.tusk.errors.PipelineAbortedException) {
            return "25P02"; // an earlier statement of the pipeline failed: in_failed_sql_transaction
        }
        if (e instanceof OperationalException) {
            return CONNECTION_FAILURE; // I/O failed or timed out: the connection is broken
        }
        if (e instanceof NotSupportedException) {
            return NOT_IMPLEMENTED;
        }
        if (e instanceof DataException) {
            return INVALID_PARAMETER_VALUE;
        }
        if (e instanceof IntegrityException) {
            return "23000";
        }
        if (e instanceof InternalException) {
            return "XX000";
        }
        if (e instanceof InterfaceException && e.getMessage() != null && e.getMessage().contains("connection is closed")) {
            return CONNECTION_DOES_NOT_EXIST;
        }
        return OBJECT_NOT_IN_STATE; // a ProgrammingException: a call that the state does not allow
    }
}
