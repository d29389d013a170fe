package io.tusk.jdbc.internal;

import io.tusk.Column;
import io.tusk.types.PgArray;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL array as {@link java.sql.Array}, over the list Tusk's array loader made (or the
 * elements given to {@code createArrayOf}). {@code getArray()} returns a Java array of the class
 * pgjdbc uses for the element type ({@code Integer[]} for int4[], {@code String[]} for text[],
 * {@code java.sql.Timestamp[]} for timestamp[], {@code Integer[][]} for int4[][]...).
 */
public final class JdbcArray implements Array {
    private final JdbcConnection connection;
    private final int elementOid;
    private final String baseTypeName;
    private List<?> elements;

    JdbcArray(JdbcConnection connection, int elementOid, String baseTypeName, List<?> elements) {
        this.connection = connection;
        this.elementOid = elementOid;
        this.baseTypeName = baseTypeName;
        this.elements = elements;
    }

    /** The elements as Tusk dumps and loads them: a List, nested for several dimensions. */
    public List<?> elements() throws SQLException {
        return checkFree();
    }

    int elementOid() {
        return elementOid;
    }

    private List<?> checkFree() throws SQLException {
        if (elements == null) {
            throw new SQLException("This Array has been freed: read it before calling free()", "55000");
        }
        return elements;
    }

    @Override
    public String getBaseTypeName() throws SQLException {
        checkFree();
        return baseTypeName;
    }

    @Override
    public int getBaseType() throws SQLException {
        checkFree();
        PgTypes.Known k = PgTypes.known(elementOid);
        if (k != null) {
            return k.sqlType();
        }
        return connection == null || elementOid == 0 ? Types.OTHER : TypeCatalog.of(connection.conn).entry(elementOid).sqlType();
    }

    @Override
    public Object getArray() throws SQLException {
        return javaArray(checkFree());
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) throws SQLException {
        noMap(map);
        return getArray();
    }

    @Override
    public Object getArray(long index, int count) throws SQLException {
        return javaArray(slice(index, count));
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        noMap(map);
        return getArray(index, count);
    }

    private List<?> slice(long index, int count) throws SQLException {
        List<?> all = checkFree();
        // JDBC: index is 1-based
        if (index < 1 || count < 0 || index - 1 + count > all.size()) {
            throw new SQLException("The array index is out of range: " + index + " (count " + count + "), number of elements: "
                    + all.size() + ".", "2202E");
        }
        return all.subList((int) index - 1, (int) index - 1 + count);
    }

    private static void noMap(Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw new SQLFeatureNotSupportedException("Array reading with a type map is not supported: register a Tusk loader"
                    + " on the native connection instead", "0A000");
        }
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return resultSet(1, checkFree());
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        noMap(map);
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        return resultSet(index, slice(index, count));
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        noMap(map);
        return getResultSet(index, count);
    }

    /** JDBC: one row per element, column 1 its index (from 1), column 2 its value. */
    private ResultSet resultSet(long first, List<?> part) throws SQLException {
        boolean nested = part.stream().anyMatch(e -> e instanceof List<?>);
        PgTypes.Known k = PgTypes.known(elementOid);
        int valueOid = nested && k != null ? k.arrayOid() : elementOid;
        List<Column> cols = List.of(ListRows.column("INDEX", PgTypes.INT4), ListRows.column("VALUE", valueOid));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < part.size(); i++) {
            List<Object> row = new ArrayList<>(2);
            row.add((int) first + i);
            row.add(part.get(i));
            rows.add(row);
        }
        JdbcStatement owner = null;
        return new JdbcResultSet(owner, ListRows.ofValues(cols, rows), ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY) {
            @Override
            public java.sql.ResultSetMetaData getMetaData() throws SQLException {
                return new JdbcResultSetMetaData(cols, connection);
            }
        };
    }

    private Object javaArray(List<?> list) throws SQLException {
        Class<?> component = componentClass();
        int depth = depth(list);
        Class<?> type = component;
        for (int d = 1; d < depth; d++) {
            type = java.lang.reflect.Array.newInstance(type, 0).getClass();
        }
        return fill(list, type);
    }

    private Object fill(List<?> list, Class<?> type) throws SQLException {
        Object out = java.lang.reflect.Array.newInstance(type, list.size());
        for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            Object v;
            if (e instanceof List<?> inner && type.isArray()) {
                v = fill(inner, type.getComponentType());
            } else {
                v = JdbcValues.toJdbc(e);
            }
            try {
                java.lang.reflect.Array.set(out, i, v);
            } catch (IllegalArgumentException ex) {
                throw new SQLException("The array of " + baseTypeName + " holds a " + (e == null ? "null" : e.getClass().getName())
                        + " at index " + (i + 1) + ", which a " + type.getName() + " array cannot hold", "22018");
            }
        }
        return out;
    }

    private static int depth(List<?> list) {
        for (Object e : list) {
            if (e instanceof List<?> inner && !(e instanceof PgArray)) {
                return 1 + depth(inner);
            }
            if (e != null) {
                return 1;
            }
        }
        return 1;
    }

    /** pgjdbc's element classes; Object for types it has none for. */
    private Class<?> componentClass() {
        switch (elementOid) {
            case PgTypes.INT2: return Short.class;
            case PgTypes.INT4: return Integer.class;
            case PgTypes.INT8: case PgTypes.OID: return Long.class;
            case PgTypes.FLOAT4: return Float.class;
            case PgTypes.FLOAT8: return Double.class;
            case PgTypes.NUMERIC: return BigDecimal.class;
            case PgTypes.BOOL: return Boolean.class;
            case PgTypes.TEXT: case PgTypes.VARCHAR: case PgTypes.BPCHAR: case PgTypes.NAME: case PgTypes.CHAR: return String.class;
            case PgTypes.DATE: return java.sql.Date.class;
            case PgTypes.TIME: case PgTypes.TIMETZ: return java.sql.Time.class;
            case PgTypes.TIMESTAMP: case PgTypes.TIMESTAMPTZ: return Timestamp.class;
            case PgTypes.UUID: return UUID.class;
            case PgTypes.BYTEA: return byte[].class;
            default: return Object.class;
        }
    }

    @Override
    public void free() {
        elements = null;
    }

    /** The array in PostgreSQL's text form, {@code {1,2,NULL}}, as pgjdbc's toString. */
    @Override
    public String toString() {
        return elements == null ? "freed Array" : PgText.format(elements);
    }
}
