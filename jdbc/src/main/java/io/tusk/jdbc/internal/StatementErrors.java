package io.tusk.jdbc.internal;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** The exceptions statements raise for misuse and failed batches, with pgjdbc's messages and SQLSTATEs. */
final class StatementErrors {
    private StatementErrors() {
    }

    /** For subclasses that refuse a Statement method (a PreparedStatement given SQL text). */
    static SQLException refusedWithSql(String method) {
        return new SQLException("Can't use query methods that take a query string on a PreparedStatement: " + method
                + " takes the SQL it runs; call it without the SQL.", "42809");
    }

    static SQLFeatureNotSupportedException notSupported(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported by Tusk's JDBC driver, as by pgjdbc.", "0A000");
    }

    /** Raised by executeBatch when the batch failed. */
    static BatchUpdateException batchFailed(String message, String sqlstate, long[] counts, SQLException cause) {
        BatchUpdateException b = new BatchUpdateException(message, sqlstate, 0, counts, cause);
        if (cause != null) {
            b.setNextException(cause);
        }
        return b;
    }
}
