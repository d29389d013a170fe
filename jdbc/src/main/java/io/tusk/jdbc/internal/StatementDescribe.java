package io.tusk.jdbc.internal;

import io.tusk.Cursor;
import io.tusk.errors.TuskException;
import io.tusk.rows.Row;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Metadata of a prepared statement before it runs. The native API has no Describe of its own, so
 * the server is asked in SQL: parameter types through {@code PREPARE} and
 * {@code pg_prepared_statements.parameter_types}, result columns through the query wrapped in
 * {@code SELECT * FROM (...) LIMIT 0} with every parameter null (nothing is read). Both run in a
 * transaction (or savepoint) that is rolled back, so they change nothing and a failure does not
 * spoil the caller's transaction.
 */
final class StatementDescribe {
    private static final AtomicLong NAMES = new AtomicLong();

    private StatementDescribe() {
    }

    static JdbcParameterMetaData parameterMetaData(JdbcPreparedStatement ps) throws SQLException {
        int n = ps.params.count();
        if (n == 0) {
            return new JdbcParameterMetaData(new int[0], new String[0]);
        }
        String name = "tusk_jdbc_describe_" + NAMES.incrementAndGet();
        try {
            return ps.conn.transaction(null, true, tx -> {
                try (Cursor<Row> c = ps.conn.rawCursor()) {
                    c.execute("PREPARE " + name + " AS " + ps.nativeSql);
                    c.execute("SELECT ty.oid, ty.typname::text FROM pg_prepared_statements s,"
                            + " unnest(s.parameter_types) WITH ORDINALITY AS p(t, ord) JOIN pg_type ty ON ty.oid = p.t"
                            + " WHERE s.name = $1 ORDER BY p.ord", name);
                    List<Row> rows = c.fetchall();
                    c.execute("DEALLOCATE " + name);
                    int[] oids = new int[n];
                    String[] names = new String[n];
                    Arrays.fill(names, "unknown");
                    for (int i = 0; i < Math.min(n, rows.size()); i++) {
                        oids[i] = ((Number) rows.get(i).get(0)).intValue();
                        names[i] = (String) rows.get(i).get(1);
                    }
                    return new JdbcParameterMetaData(oids, names);
                }
            });
        } catch (TuskException e) {
            throw JdbcErrors.translate(e);
        }
    }

    /** The columns the statement would return; null when it is not a query that can be described so. */
    static ResultSetMetaData resultMetaData(JdbcPreparedStatement ps) throws SQLException {
        if (!StatementSql.declarable(ps.parsed)) {
            return null;
        }
        String body = ps.nativeSql.strip();
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).strip();
        }
        String query = "SELECT * FROM (" + body + "\n) AS tusk_describe LIMIT 0";
        Object[] nulls = new Object[ps.params.count()];
        try {
            List<io.tusk.Column> columns = ps.conn.transaction(null, true, tx -> {
                try (Cursor<Row> c = ps.conn.rawCursor()) {
                    c.execute(query, nulls);
                    return c.description() == null ? null : new ArrayList<>(c.description());
                }
            });
            return columns == null ? null : new JdbcResultSetMetaData(columns, ps.connection);
        } catch (TuskException e) {
            return null; // as pgjdbc's getMetaData without a result: the caller may execute instead
        }
    }
}
