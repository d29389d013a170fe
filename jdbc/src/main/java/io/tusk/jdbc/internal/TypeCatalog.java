package io.tusk.jdbc.internal;

import io.tusk.Connection;
import io.tusk.errors.TuskException;
import io.tusk.rows.Row;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names and JDBC types of the types {@link PgTypes} does not know (enums, composites, domains,
 * extension types, their arrays), read from {@code pg_type} once per connection and OID, as
 * pgjdbc's TypeInfoCache does: array ⟶ ARRAY, composite ⟶ STRUCT, domain ⟶ DISTINCT,
 * enum ⟶ VARCHAR, anything else ⟶ OTHER. The name is {@code typname}, schema-qualified and
 * quoted when the type's schema is not on the search path.
 */
final class TypeCatalog {
    record Entry(String name, int sqlType, int elementOid) {
    }

    private static final Map<Connection, TypeCatalog> CATALOGS = new WeakHashMap<>();

    private final Connection conn;
    private final Map<Integer, Entry> entries = new ConcurrentHashMap<>();

    private TypeCatalog(Connection conn) {
        this.conn = conn;
    }

    static TypeCatalog of(Connection conn) {
        synchronized (CATALOGS) {
            return CATALOGS.computeIfAbsent(conn, TypeCatalog::new);
        }
    }

    /** The type's entry: from the built-in table, else from {@code pg_type}. */
    Entry entry(int oid) throws SQLException {
        PgTypes.Known k = PgTypes.known(oid);
        if (k != null) {
            return new Entry(k.name(), k.sqlType(), 0);
        }
        PgTypes.Known element = PgTypes.elementOf(oid);
        if (element != null) {
            return new Entry("_" + element.name(), Types.ARRAY, element.oid());
        }
        Entry e = entries.get(oid);
        if (e == null) {
            e = lookUp(oid);
            entries.put(oid, e);
        }
        return e;
    }

    private Entry lookUp(int oid) throws SQLException {
        Row r;
        try {
            r = conn.execute("SELECT t.typname, t.typtype::text, t.typinput = 'pg_catalog.array_in'::regproc,"
                    + " n.nspname = ANY (pg_catalog.current_schemas(true)), n.nspname, t.typelem::int8"
                    + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
                    + " WHERE t.oid = %s::oid", (long) oid).fetchone();
        } catch (TuskException ex) {
            throw JdbcErrors.translate(ex);
        }
        if (r == null) {
            return new Entry("unknown", Types.OTHER, 0);
        }
        String name = r.getString(0);
        if (!Boolean.TRUE.equals(r.getBoolean(3))) {
            name = quote(r.getString(4)) + "." + quote(name);
        }
        int sqlType;
        if (Boolean.TRUE.equals(r.getBoolean(2))) {
            sqlType = Types.ARRAY;
        } else {
            sqlType = switch (r.getString(1)) {
                case "c" -> Types.STRUCT;
                case "d" -> Types.DISTINCT;
                case "e" -> Types.VARCHAR;
                default -> Types.OTHER;
            };
        }
        long elem = r.getLong(5);
        return new Entry(name, sqlType, sqlType == Types.ARRAY ? (int) elem : 0);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
