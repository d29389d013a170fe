package io.tusk.jdbc.contract;

import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Turns what a behaviour saw into a comparable string: values with their Java class, failures as
 * {@code SQLException[sqlstate]} (never the message: the two drivers word them differently).
 */
final class Obs {
    private Obs() {
    }

    /** A piece of JDBC code that may fail; its failure becomes part of the observation. */
    @FunctionalInterface
    interface Step {
        Object run() throws Exception;
    }

    /** Runs a step and renders its value or its failure, so a probe can go on after a failure. */
    static Raw attempt(Step step) {
        try {
            return raw(render(step.run()));
        } catch (Throwable e) {
            return raw(error(e));
        }
    }

    /** Like {@link #attempt}, but a failure is only its kind (SQLException, ...), without SQLSTATE. */
    static Raw kind(Step step) {
        Raw r = attempt(step);
        return raw(r.text().replaceFirst("\\[.*$", ""));
    }

    /** Several observations in one. */
    static List<Object> all(Object... parts) {
        return Arrays.asList(parts);
    }

    /** An already rendered observation (not wrapped as a String value). */
    record Raw(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    static Raw raw(String text) {
        return new Raw(text);
    }

    static String render(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Raw r) {
            return r.text();
        }
        if (v instanceof byte[] b) {
            return "byte[]:" + HexFormat.of().formatHex(b);
        }
        if (v instanceof Object[] a) {
            StringJoiner j = new StringJoiner(", ", v.getClass().getComponentType().getSimpleName() + "[]:[", "]");
            for (Object o : a) {
                j.add(render(o));
            }
            return j.toString();
        }
        if (v instanceof int[] a) {
            return "int[]:" + Arrays.toString(a);
        }
        if (v instanceof long[] a) {
            return "long[]:" + Arrays.toString(a);
        }
        if (v instanceof List<?> l) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            for (Object o : l) {
                j.add(render(o));
            }
            return j.toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            m.forEach((k, val) -> j.add(render(k) + "=" + render(val)));
            return j.toString();
        }
        if (v instanceof Array a) {
            // The Array object is each driver's own class: compare what it holds.
            String base;
            try {
                base = a.getBaseTypeName();
            } catch (Throwable e) {
                base = error(e);
            }
            return "Array(" + base + "):" + attempt(a::getArray);
        }
        if (v instanceof ResultSet rs) {
            return "ResultSet:" + attempt(() -> raw(rows(rs)));
        }
        String cls = v.getClass().getName();
        if (cls.startsWith("java.")) {
            return v.getClass().getSimpleName() + ":" + v;
        }
        // A driver-specific class (pgjdbc's PGobject/PGInterval, io.tusk.types.Json/Interval/Inet...):
        // the drivers differ here on purpose, so neither the class nor its toString is compared;
        // behaviours compare the value through getString instead.
        return "DriverObject";
    }

    /** Every row of a result set, every column, as rendered getObject values. */
    static String rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            cols.add(md.getColumnLabel(i));
        }
        return rows(rs, cols.toArray(String[]::new));
    }

    /** Chosen columns (by label) of every row, as getString values: metadata results compare this way. */
    static String rows(ResultSet rs, String... columns) throws SQLException {
        StringJoiner all = new StringJoiner("; ", "rows[", "]");
        while (rs.next()) {
            StringJoiner row = new StringJoiner(",", "(", ")");
            for (String c : columns) {
                row.add(String.valueOf(rs.getString(c)));
            }
            all.add(row.toString());
        }
        rs.close();
        return all.toString();
    }

    /** A failure, without its message: kind and SQLSTATE (plus update counts for a batch). */
    static String error(Throwable e) {
        if (e instanceof BatchUpdateException b) {
            return "BatchUpdateException[" + b.getSQLState() + ", counts=" + Arrays.toString(b.getUpdateCounts()) + "]";
        }
        if (e instanceof SQLFeatureNotSupportedException f) {
            return "SQLFeatureNotSupportedException[" + f.getSQLState() + "]";
        }
        if (e instanceof SQLException s) {
            // pgjdbc throws PSQLException for every server error, Tusk a JDBC 4 subclass by
            // SQLSTATE class: both are compared as SQLException (Behaviour.tuskThrows checks the rest).
            return "SQLException[" + s.getSQLState() + "]";
        }
        return "Escaped " + e.getClass().getName();
    }
}
