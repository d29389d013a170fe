package io.tusk.jdbc.internal;

import java.sql.SQLException;

/**
 * Values given to {@code setObject}/{@code setXxx} as Tusk's adapters bind them. PLACEHOLDER: passes
 * values through unchanged, to be replaced by JDBC's conversion table.
 */
public final class ParameterValues {
    private ParameterValues() {
    }

    /**
     * {@code x} converted as {@code setObject(i, x, targetSqlType, scaleOrLength)} asks
     * ({@code targetSqlType} a {@link java.sql.Types} constant); {@code null} stays null.
     */
    public static Object forSqlType(Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        return x;
    }

    /** {@code x} as {@code setObject(i, x)} binds it: JDBC types (Timestamp, Date, Array, Blob...) to what Tusk's adapters dump. */
    public static Object forObject(Object x) throws SQLException {
        return x;
    }
}
