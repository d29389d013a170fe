package io.tusk.jdbc.internal;

import io.tusk.Column;
import io.tusk.errors.TuskException;
import io.tusk.rows.Row;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a result as JDBC describes them, with pgjdbc's answers: types, names,
 * precision and the rest come from the RowDescription; nullability, auto-increment and the
 * table name are read from {@code pg_attribute} on first use (one query for all columns that
 * come from a table), since the protocol only carries the table's OID and the column number.
 */
public class JdbcResultSetMetaData implements ResultSetMetaData {
    final List<Column> columns;
    final JdbcConnection connection;
    private Map<Long, TableColumn> tableColumns;

    record TableColumn(String column, String table, String schema, boolean notNull, boolean autoIncrement) {
    }

    public JdbcResultSetMetaData(List<Column> columns, JdbcConnection connection) {
        this.columns = columns;
        this.connection = connection;
    }

    private Column column(int i) throws SQLException {
        if (i < 1 || i > columns.size()) {
            throw new SQLException("The column index is out of range: " + i + ", number of columns: " + columns.size() + ".",
                    "22023");
        }
        return columns.get(i - 1);
    }

    private TypeCatalog.Entry type(int i) throws SQLException {
        int oid = column(i).typeOid();
        return connection == null ? builtIn(oid) : TypeCatalog.of(connection.conn).entry(oid);
    }

    private static TypeCatalog.Entry builtIn(int oid) {
        PgTypes.Known k = PgTypes.known(oid);
        if (k != null) {
            return new TypeCatalog.Entry(k.name(), k.sqlType(), 0);
        }
        PgTypes.Known e = PgTypes.elementOf(oid);
        return e != null ? new TypeCatalog.Entry("_" + e.name(), Types.ARRAY, e.oid()) : new TypeCatalog.Entry("unknown", Types.OTHER, 0);
    }

    private TableColumn tableColumn(int i) throws SQLException {
        Column c = column(i);
        if (c.tableOid() == 0 || connection == null) {
            return null;
        }
        if (tableColumns == null) {
            tableColumns = readTableColumns();
        }
        return tableColumns.get(key(c.tableOid(), c.tableColumn()));
    }

    private static long key(int tableOid, int attnum) {
        return (Integer.toUnsignedLong(tableOid) << 16) | (attnum & 0xFFFF);
    }

    private Map<Long, TableColumn> readTableColumns() throws SQLException {
        Map<Long, TableColumn> out = new HashMap<>();
        StringBuilder oids = new StringBuilder();
        for (Column c : columns) {
            if (c.tableOid() != 0) {
                oids.append(oids.length() == 0 ? "" : ",").append(Integer.toUnsignedLong(c.tableOid()));
            }
        }
        if (oids.length() == 0) {
            return out;
        }
        // pgjdbc's rule: NOT NULL on the column or on its domain; auto-increment for identity
        // columns and defaults calling nextval() (serial).
        boolean identity = connection.conn.info().serverVersion() >= 100000;
        String sql = "SELECT c.oid::int8, a.attnum::int4, a.attname, c.relname, n.nspname,"
                + " a.attnotnull OR (t.typtype = 'd' AND t.typnotnull), "
                + (identity ? "a.attidentity <> '' OR " : "")
                + " coalesce(pg_catalog.pg_get_expr(d.adbin, d.adrelid) LIKE '%nextval(%', false)"
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON c.relnamespace = n.oid"
                + " JOIN pg_catalog.pg_attribute a ON c.oid = a.attrelid JOIN pg_catalog.pg_type t ON a.atttypid = t.oid"
                + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE c.oid IN (" + oids + ") AND a.attnum > 0";
        try {
            for (Row r : connection.conn.execute(sql).fetchall()) {
                out.put(key(r.getLong(0).intValue(), r.getInt(1)), new TableColumn(r.getString(2), r.getString(3),
                        r.getString(4), Boolean.TRUE.equals(r.getBoolean(5)), Boolean.TRUE.equals(r.getBoolean(6))));
            }
        } catch (TuskException e) {
            throw JdbcErrors.translate(e);
        }
        return out;
    }

    @Override
    public int getColumnCount() throws SQLException {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        TableColumn t = tableColumn(column);
        return t != null && t.autoIncrement();
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return PgTypes.isCaseSensitive(column(column).typeOid());
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        return column(column).typeOid() == PgTypes.MONEY;
    }

    /** From the table's column; columnNullableUnknown for expressions (pgjdbc 42.7's answer). */
    @Override
    public int isNullable(int column) throws SQLException {
        TableColumn t = tableColumn(column);
        if (t == null) {
            return columnNullableUnknown;
        }
        return t.notNull() ? columnNoNulls : columnNullable;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return PgTypes.isSigned(column(column).typeOid());
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        Column c = column(column);
        return PgTypes.displaySize(c.typeOid(), c.typeModifier());
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return column(column).name();
    }

    /** The label, as pgjdbc answers (JDBC allows either; tools print what the query named). */
    @Override
    public String getColumnName(int column) throws SQLException {
        return getColumnLabel(column);
    }

    /** The table column's own name ("" for expressions): pgjdbc's {@code PGResultSetMetaData} extension. */
    public String getBaseColumnName(int column) throws SQLException {
        TableColumn t = tableColumn(column);
        return t == null ? "" : t.column();
    }

    /** "" as pgjdbc answers; {@link #getBaseSchemaName} has the table's schema. */
    @Override
    public String getSchemaName(int column) throws SQLException {
        column(column);
        return "";
    }

    public String getBaseSchemaName(int column) throws SQLException {
        TableColumn t = tableColumn(column);
        return t == null ? "" : t.schema();
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        Column c = column(column);
        return PgTypes.precision(c.typeOid(), c.typeModifier());
    }

    @Override
    public int getScale(int column) throws SQLException {
        Column c = column(column);
        return PgTypes.scale(c.typeOid(), c.typeModifier());
    }

    /** The name of the table the column comes from, "" for an expression (pgjdbc's answer). */
    @Override
    public String getTableName(int column) throws SQLException {
        TableColumn t = tableColumn(column);
        return t == null ? "" : t.table();
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return type(column).sqlType();
    }

    /** The type's name ({@code int4}, {@code varchar}, {@code _int4} for int4[]); serial for auto-increment integers. */
    @Override
    public String getColumnTypeName(int column) throws SQLException {
        String name = type(column).name();
        if (isAutoIncrement(column)) {
            switch (name) {
                case "int4": return "serial";
                case "int8": return "bigserial";
                case "int2": return "smallserial";
                default: break;
            }
        }
        return name;
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        return !isReadOnly(column);
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    /** The class {@code getObject} returns for the column. */
    @Override
    public String getColumnClassName(int column) throws SQLException {
        int oid = column(column).typeOid();
        PgTypes.Known k = PgTypes.known(oid);
        if (k != null) {
            return k.className();
        }
        return switch (type(column).sqlType()) {
            case Types.ARRAY -> "java.sql.Array";
            case Types.VARCHAR -> "java.lang.String";
            case Types.STRUCT -> "java.sql.Struct";
            default -> "java.lang.Object";
        };
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("This ResultSetMetaData is not a wrapper for " + iface.getName(), "0A000");
    }
}
