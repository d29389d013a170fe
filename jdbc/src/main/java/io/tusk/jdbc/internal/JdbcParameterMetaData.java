package io.tusk.jdbc.internal;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The parameters of a prepared statement as the server inferred their types (see
 * {@link StatementDescribe}). As in pgjdbc every parameter is an IN parameter of unknown
 * nullability; precision and scale are not part of a parameter's type and are 0.
 */
public class JdbcParameterMetaData implements ParameterMetaData {
    private final int[] oids;
    private final String[] typeNames;

    JdbcParameterMetaData(int[] oids, String[] typeNames) {
        this.oids = oids;
        this.typeNames = typeNames;
    }

    private int check(int param) throws SQLException {
        if (param < 1 || param > oids.length) {
            throw new SQLException("The parameter index is out of range: " + param + ", number of parameters: " + oids.length + ".",
                    "22023");
        }
        return param - 1;
    }

    @Override
    public int getParameterCount() throws SQLException {
        return oids.length;
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        return sqlType(oids[check(param)]);
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        return typeNames[check(param)];
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        return className(oids[check(param)]);
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        check(param);
        return parameterModeIn;
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        check(param);
        return 0;
    }

    @Override
    public int getScale(int param) throws SQLException {
        check(param);
        return 0;
    }

    @Override
    public int isNullable(int param) throws SQLException {
        check(param);
        return parameterNullableUnknown;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        switch (oids[check(param)]) {
            case 20, 21, 23, 700, 701, 1700:
                return true;
            default:
                return false;
        }
    }

    /** The java.sql.Types of a built-in type, as pgjdbc's TypeInfoCache maps it. */
    static int sqlType(int oid) {
        switch (oid) {
            case 16: return Types.BIT;
            case 17: return Types.BINARY;
            case 18, 19, 25, 1043: return Types.VARCHAR;
            case 1042: return Types.CHAR;
            case 20, 26: return Types.BIGINT;
            case 21: return Types.SMALLINT;
            case 23: return Types.INTEGER;
            case 700: return Types.REAL;
            case 701: return Types.DOUBLE;
            case 1700: return Types.NUMERIC;
            case 1082: return Types.DATE;
            case 1083, 1266: return Types.TIME;
            case 1114, 1184: return Types.TIMESTAMP;
            case 142: return Types.SQLXML;
            case 1000, 1001, 1005, 1007, 1016, 1009, 1015, 1021, 1022, 1231, 1182, 1183, 1115, 1185, 2951, 199, 3807:
                return Types.ARRAY;
            default: return Types.OTHER;
        }
    }

    static String className(int oid) {
        switch (sqlType(oid)) {
            case Types.BIT: return "java.lang.Boolean";
            case Types.BINARY: return "[B";
            case Types.VARCHAR, Types.CHAR: return "java.lang.String";
            case Types.BIGINT: return "java.lang.Long";
            case Types.SMALLINT, Types.INTEGER: return "java.lang.Integer";
            case Types.REAL: return "java.lang.Float";
            case Types.DOUBLE: return "java.lang.Double";
            case Types.NUMERIC: return "java.math.BigDecimal";
            case Types.DATE: return "java.sql.Date";
            case Types.TIME: return "java.sql.Time";
            case Types.TIMESTAMP: return "java.sql.Timestamp";
            case Types.SQLXML: return "java.sql.SQLXML";
            case Types.ARRAY: return "java.sql.Array";
            default: return "java.lang.Object";
        }
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("This ParameterMetaData is not a wrapper for " + iface.getName() + ".", "22023");
    }
}
