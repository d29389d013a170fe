package io.tusk.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;

/**
 * The result set type, concurrency and holdability a statement is created with. What Tusk lacks
 * is downgraded with a warning on the connection, as JDBC 4.3 §15.1.1 asks ("If the driver
 * cannot return a ResultSet of the requested type and concurrency, it should issue an
 * SQLWarning on the Connection object"): scroll-sensitive becomes scroll-insensitive (PostgreSQL
 * cursors never see other transactions' changes), updatable becomes read-only. A value that is
 * not one of ResultSet's constants is an error.
 */
record ResultSetKind(int type, int concurrency, int holdability) {

    static ResultSetKind of(int type, int concurrency, int holdability, JdbcConnection conn) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE
                && type != ResultSet.TYPE_SCROLL_SENSITIVE) {
            throw new SQLException("Unknown ResultSet type " + type + ": use ResultSet.TYPE_FORWARD_ONLY,"
                    + " TYPE_SCROLL_INSENSITIVE or TYPE_SCROLL_SENSITIVE", JdbcErrors.INVALID_PARAMETER_VALUE);
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY && concurrency != ResultSet.CONCUR_UPDATABLE) {
            throw new SQLException("Unknown ResultSet concurrency " + concurrency + ": use ResultSet.CONCUR_READ_ONLY",
                    JdbcErrors.INVALID_PARAMETER_VALUE);
        }
        int hold = holdability(holdability);
        if (type == ResultSet.TYPE_SCROLL_SENSITIVE) {
            conn.addWarning(new SQLWarning("TYPE_SCROLL_SENSITIVE is not supported: the result set is"
                    + " TYPE_SCROLL_INSENSITIVE (PostgreSQL cursors do not see later changes)", "01000"));
            type = ResultSet.TYPE_SCROLL_INSENSITIVE;
        }
        if (concurrency == ResultSet.CONCUR_UPDATABLE) {
            conn.addWarning(new SQLWarning("CONCUR_UPDATABLE is not supported: the result set is CONCUR_READ_ONLY;"
                    + " change rows with UPDATE statements", "01000"));
            concurrency = ResultSet.CONCUR_READ_ONLY;
        }
        return new ResultSetKind(type, concurrency, hold);
    }

    static int holdability(int holdability) throws SQLException {
        if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT && holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw new SQLException("Unknown ResultSet holdability setting: " + holdability + ": use"
                    + " ResultSet.HOLD_CURSORS_OVER_COMMIT or CLOSE_CURSORS_AT_COMMIT", JdbcErrors.INVALID_PARAMETER_VALUE);
        }
        return holdability;
    }
}
