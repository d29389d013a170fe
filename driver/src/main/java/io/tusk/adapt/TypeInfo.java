package io.tusk.adapt;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.errors.ProgrammingException;
import io.tusk.rows.Row;
import io.tusk.spi.Services;
import java.util.List;

/**
 * What the catalog says about a type: psycopg's {@code TypeInfo} (name, OID, array OID, the
 * {@code regtype} spelling, the array delimiter), fetched by name with {@link #fetch}. The
 * subclass returned tells the kind: {@link RangeInfo}, {@link MultirangeInfo},
 * {@link CompositeInfo}, {@link EnumInfo}, {@link DomainInfo}, or plain TypeInfo for base types.
 * Registering it makes the type and its array known to an adapters map, so that arrays of the
 * type load as Lists.
 *
 * <pre>{@code
 * TypeInfo info = TypeInfo.fetch(conn, "mood");       // an EnumInfo
 * info.register(conn.adapters());                     // mood and mood[] now load (as String / List)
 * }</pre>
 */
public class TypeInfo {
    // One round trip; the kind-specific details come in the same row. to_regtype accepts any
    // spelling the server does ("myschema.mytype", "\"My Type\"", "character varying").
    private static final String QUERY = "SELECT t.typname::text, t.oid, t.typarray, t.oid::regtype::text,"
            + " t.typdelim::text, t.typtype::text, t.typbasetype,"
            + " (SELECT r.rngsubtype FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid),"
            + " (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e"
            + " WHERE e.enumtypid = t.oid),"
            + " (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_catalog.pg_attribute a"
            + " WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped),"
            + " (SELECT array_agg(a.atttypid ORDER BY a.attnum) FROM pg_catalog.pg_attribute a"
            + " WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)"
            + " FROM pg_catalog.pg_type t WHERE t.oid = pg_catalog.to_regtype(%s)";
    private static final String MULTIRANGE_QUERY =
            "SELECT r.rngtypid, r.rngsubtype FROM pg_catalog.pg_range r WHERE r.rngmultitypid = %s::oid";

    private final String name;
    private final int oid;
    private final int arrayOid;
    private final String regtype;
    private final char delimiter;

    TypeInfo(String name, int oid, int arrayOid, String regtype, char delimiter) {
        this.name = name;
        this.oid = oid;
        this.arrayOid = arrayOid;
        this.regtype = regtype;
        this.delimiter = delimiter;
    }

    /** Copies the common part of another TypeInfo (for subclasses). */
    TypeInfo(TypeInfo base) {
        this(base.name, base.oid, base.arrayOid, base.regtype, base.delimiter);
    }

    /**
     * Reads a type from the catalog with a parameterised query on {@code conn} (which, outside
     * autocommit, opens a transaction as any statement does); null when no such type exists.
     */
    public static TypeInfo fetch(Connection conn, String name) {
        Row row;
        try (Cursor<Row> cur = conn.execute(QUERY, name)) {
            row = cur.fetchone();
        }
        if (row == null) {
            return null;
        }
        TypeInfo base = new TypeInfo((String) row.get(0), oid(row.get(1)), oid(row.get(2)), (String) row.get(3),
                ((String) row.get(4)).charAt(0));
        switch ((String) row.get(5)) {
            case "r":
                return new RangeInfo(base, oid(row.get(7)));
            case "e":
                return new EnumInfo(base, strings(row.get(8)));
            case "c":
                return new CompositeInfo(base, strings(row.get(9)), oids(row.get(10)));
            case "d":
                return new DomainInfo(base, oid(row.get(6)));
            case "m":
                try (Cursor<Row> cur = conn.execute(MULTIRANGE_QUERY, (long) base.oid)) {
                    Row r = cur.fetchone();
                    return new MultirangeInfo(base, oid(r.get(0)), oid(r.get(1)));
                }
            default:
                return base;
        }
    }

    /** {@link #fetch} expecting a kind of type: a clear error when the type is of another kind. */
    static <T extends TypeInfo> T fetch(Connection conn, String name, Class<T> kind, String what) {
        TypeInfo info = fetch(conn, name);
        if (info == null) {
            return null;
        }
        if (!kind.isInstance(info)) {
            throw new ProgrammingException("type " + info.regtype() + " is not " + what + " but a "
                    + info.getClass().getSimpleName().replace("Info", "").replace("Type", "base type")
                    + ": fetch it with TypeInfo.fetch");
        }
        return kind.cast(info);
    }

    private static int oid(Object o) {
        return o == null ? 0 : (int) ((Long) o).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return o == null ? List.of() : (List<String>) o;
    }

    private static List<Integer> oids(Object o) {
        if (o == null) {
            return List.of();
        }
        return ((List<?>) o).stream().map(TypeInfo::oid).toList();
    }

    /** pg_type.typname, e.g. {@code mood}. */
    public String name() {
        return name;
    }

    public int oid() {
        return oid;
    }

    /** The OID of the type's array type, 0 when it has none. */
    public int arrayOid() {
        return arrayOid;
    }

    /** The name as {@code regtype} writes it, schema-qualified when not on the search_path. */
    public String regtype() {
        return regtype;
    }

    /** The delimiter between array elements in text (pg_type.typdelim): a comma but for box. */
    public char delimiter() {
        return delimiter;
    }

    /**
     * Makes the type known to {@code adapters}: its names, and a loader for its array type in
     * both formats (elements loaded by the type's own loader). Subclasses add the type's loaders
     * and dumpers. Returns the map.
     */
    public AdaptersMap register(AdaptersMap adapters) {
        adapters.registerType(this);
        if (arrayOid != 0) {
            for (Format f : new Format[] {Format.TEXT, Format.BINARY}) {
                adapters.registerLoader(arrayOid, f, Services.adaptation().deferredArrayLoader(f, oid, delimiter));
            }
        }
        return adapters;
    }

    /** Registers on the connection's adapters: every later cursor of it uses them. */
    public void register(Connection conn) {
        register(conn.adapters());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + regtype + ", oid " + oid + ", array oid " + arrayOid + ")";
    }
}
