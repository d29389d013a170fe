package io.tusk.jdbc.internal;

import io.tusk.Column;
import io.tusk.rows.Row;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The OUT parameters of one callable statement: the types registered for them and, once the call
 * ran, the row it returned. PostgreSQL returns a routine's OUT and INOUT arguments (and a
 * function's result) as the columns of one row, in argument order, so the k-th registered
 * parameter is the k-th column (pgjdbc maps them the same way). The row is read through a
 * one-row {@link JdbcResultSet}, so every getter converts as a result set's getter does.
 */
final class CallOutputs {
    private final int[] types;
    private final boolean[] registered;
    private int registeredCount;
    private JdbcResultSet row;
    private List<Column> columns;
    private int[] columnOf;
    private int last;

    CallOutputs(int parameterCount) {
        types = new int[parameterCount];
        registered = new boolean[parameterCount];
    }

    int parameterCount() {
        return types.length;
    }

    boolean any() {
        return registeredCount > 0;
    }

    boolean isRegistered(int index) {
        return registered[index - 1];
    }

    /** Registers parameter {@code index} as OUT (or INOUT when a value is also set) of {@code sqlType}. */
    void register(int index, int sqlType) throws SQLException {
        checkIndex(index);
        if (!registered[index - 1]) {
            registered[index - 1] = true;
            registeredCount++;
        }
        types[index - 1] = sqlType;
    }

    int type(int index) {
        return types[index - 1];
    }

    /** Forgets the previous call's row (a new execution starts). */
    void clear() throws SQLException {
        JdbcResultSet r = row;
        row = null;
        columns = null;
        columnOf = null;
        last = 0;
        if (r != null) {
            r.close();
        }
    }

    /** Takes the row the call returned: its k-th column is the k-th registered parameter. */
    void take(List<Column> cols, Row values, JdbcConnection connection) throws SQLException {
        if (cols.size() != registeredCount) {
            throw new SQLException("The call returned " + cols.size() + (cols.size() == 1 ? " value" : " values") + " but "
                    + registeredCount + " OUT parameter" + (registeredCount == 1 ? " is" : "s are")
                    + " registered: register each OUT and INOUT argument (and the {? = call} result) with "
                    + "registerOutParameter, and no other parameter", "42601");
        }
        int[] map = new int[types.length];
        for (int i = 0, c = 0; i < types.length; i++) {
            if (registered[i]) {
                map[i] = ++c;
            }
        }
        JdbcResultSet rs = new JdbcResultSet(null, new OneRow(cols, values), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        rs.next();
        row = rs;
        columns = cols;
        columnOf = map;
    }

    /**
     * The result-set column of OUT parameter {@code index}, checking that the statement ran and
     * that the parameter was registered (pgjdbc's messages where it has them).
     */
    int column(int index) throws SQLException {
        if (registeredCount == 0) {
            throw new SQLException("No function outputs were registered.", "55000");
        }
        if (row == null) {
            throw new SQLException("Results cannot be retrieved from a CallableStatement before it is executed.", "02000");
        }
        checkIndex(index);
        if (!registered[index - 1]) {
            throw new SQLException("Parameter " + index + " is not an OUT parameter: register it with registerOutParameter("
                    + index + ", type) before executing the call", "2200G");
        }
        last = index;
        return columnOf[index - 1];
    }

    JdbcResultSet row() {
        return row;
    }

    /** Whether OUT parameter {@code index}'s column is a refcursor (PostgreSQL's type 1790). */
    boolean isRefCursor(int index) {
        return columns.get(columnOf[index - 1] - 1).typeOid() == 1790;
    }

    /** pgjdbc's rule: a float8 column read for a parameter registered as REAL comes back as a Float. */
    boolean wantsFloat(int index) {
        return types[index - 1] == Types.REAL;
    }

    boolean wasNull() throws SQLException {
        if (last == 0 || row == null) {
            throw new SQLException("wasNull cannot be called before fetching a result.", "55000");
        }
        return row.wasNull();
    }

    private void checkIndex(int index) throws SQLException {
        if (index < 1 || index > types.length) {
            throw new SQLException("The parameter index is out of range: " + index + ", number of parameters: "
                    + types.length + ".", "22023");
        }
    }

    /** The one row of a call's result. */
    private static final class OneRow implements RowSource {
        private final List<Column> columns;
        private Row row;

        OneRow(List<Column> columns, Row row) {
            this.columns = columns;
            this.row = row;
        }

        @Override
        public List<Column> columns() {
            return columns;
        }

        @Override
        public Row next() {
            Row r = row;
            row = null;
            return r;
        }

        @Override
        public void close() {
            row = null;
        }
    }
}
