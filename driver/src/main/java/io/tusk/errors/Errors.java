package io.tusk.errors;

import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Exception classes by SQLSTATE: psycopg's {@code errors.lookup()}, and the factory that turns
 * a server ErrorResponse into the right exception.
 *
 * <pre>{@code
 * Class<? extends DatabaseException> c = Errors.lookup("23505");     // UniqueViolation.class
 * Errors.lookup("unique_violation") == Errors.lookup("UniqueViolation");
 * DatabaseException e = Errors.fromDiagnostic(diag);                  // a UniqueViolation for 23505
 * }</pre>
 *
 * <p>Every SQLSTATE of PostgreSQL 18's {@code errcodes.txt} but the success and warning classes
 * (00 and 01) has a class of its own, generated at build time, named and parented as psycopg's.
 */
public final class Errors {
    private Errors() {
    }

    /**
     * The class of an error by its SQLSTATE ({@code "23505"}), its condition name in any case
     * ({@code "unique_violation"}, {@code "UNIQUE_VIOLATION"}) or its class name
     * ({@code "UniqueViolation"}).
     *
     * <p>Four condition names are used by two SQLSTATEs each ({@code null_value_not_allowed} is
     * 22004 and 39004; {@code modifying_sql_data_not_permitted} and two more are in both 2F and
     * 38): the name gives the first one errcodes.txt lists (psycopg's table keeps the last); the
     * other is reached by its code or by its class name, which ends in {@code Ext}.
     *
     * @throws NoSuchElementException when nothing has that code or name (psycopg's KeyError)
     */
    public static Class<? extends DatabaseException> lookup(String codeOrName) {
        Objects.requireNonNull(codeOrName, "codeOrName");
        String key = codeOrName.strip();
        String upper = key.toUpperCase(Locale.ROOT);
        String code = SqlStates.classOf(upper) != null ? upper : SqlStates.codeOfCondition(upper);
        if (code == null) {
            code = SqlStates.codeOfClassName(key);
        }
        if (code == null) {
            throw new NoSuchElementException("no PostgreSQL error is called \"" + codeOrName
                    + "\": give a SQLSTATE such as \"23505\", a condition name such as \"unique_violation\""
                    + " or a class name such as \"UniqueViolation\" (the list is PostgreSQL 18's errcodes.txt)");
        }
        return SqlStates.classOf(code);
    }

    /**
     * The exception for an error the server reported: an instance of the generated class of its
     * SQLSTATE, or, for a SQLSTATE PostgreSQL 18 does not list, of the DB-API class of its class
     * (an unknown {@code 23xxx} is an {@link IntegrityException}, an unknown class a plain
     * {@link DatabaseException}), as psycopg's {@code error_from_result()} does. Its message is
     * psycopg's: the primary message, then the DETAIL, HINT, QUERY and CONTEXT lines.
     */
    public static DatabaseException fromDiagnostic(Diagnostic diag) {
        Objects.requireNonNull(diag, "diag");
        String code = diag.sqlstate();
        if (code == null) {
            return new DatabaseException(diag);
        }
        DatabaseException known = SqlStates.create(code, diag);
        return known != null ? known : SqlStates.createBase(code, diag);
    }

    /**
     * Whether a SQLSTATE means the session is gone or was refused, so that the connection must
     * not be used again: class 08 (connection exception), 57P01 admin_shutdown, 57P02
     * crash_shutdown, 57P03 cannot_connect_now, 57P04 database_dropped, 57P05
     * idle_session_timeout, and the two timeouts after which the server also closes the
     * session, 25P03 idle_in_transaction_session_timeout and 25P04 transaction_timeout.
     */
    public static boolean isConnectionError(String sqlstate) {
        if (sqlstate == null) {
            return false;
        }
        if (sqlstate.startsWith("08")) {
            return true;
        }
        switch (sqlstate) {
            case "57P01":
            case "57P02":
            case "57P03":
            case "57P04":
            case "57P05":
            case "25P03":
            case "25P04":
                return true;
            default:
                return false;
        }
    }

    /** Every SQLSTATE that has a class of its own, in errcodes.txt order. */
    public static List<String> sqlstates() {
        return SqlStates.CODES;
    }
}
