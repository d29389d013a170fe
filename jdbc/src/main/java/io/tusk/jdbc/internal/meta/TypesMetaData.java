package io.tusk.jdbc.internal.meta;

import static io.tusk.jdbc.internal.meta.Catalog.bigint;
import static io.tusk.jdbc.internal.meta.Catalog.bool;
import static io.tusk.jdbc.internal.meta.Catalog.str;
import static io.tusk.jdbc.internal.meta.MetaRows.BOOL;
import static io.tusk.jdbc.internal.meta.MetaRows.INT2;
import static io.tusk.jdbc.internal.meta.MetaRows.INT4;
import static io.tusk.jdbc.internal.meta.MetaRows.VARCHAR;

import io.tusk.rows.Row;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** getTypeInfo, getUDTs, and the empty getAttributes, getSuperTypes, getSuperTables. */
public final class TypesMetaData {
    private final Catalog catalog;

    public TypesMetaData(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Every type one can declare a column with (base, domain, enum, range, composite types, not
     * the row types of tables), plus serial, bigserial and smallserial as auto-increment forms
     * of int4, int8 and int2. Ordered by DATA_TYPE, then built-in types before user types (by oid).
     */
    public MetaRows typeInfo() throws SQLException {
        MetaRows out = MetaRows.of("TYPE_NAME", VARCHAR, "DATA_TYPE", INT4, "PRECISION", INT4, "LITERAL_PREFIX", VARCHAR,
                "LITERAL_SUFFIX", VARCHAR, "CREATE_PARAMS", VARCHAR, "NULLABLE", INT2, "CASE_SENSITIVE", BOOL,
                "SEARCHABLE", INT2, "UNSIGNED_ATTRIBUTE", BOOL, "FIXED_PREC_SCALE", BOOL, "AUTO_INCREMENT", BOOL,
                "LOCAL_TYPE_NAME", VARCHAR, "MINIMUM_SCALE", INT2, "MAXIMUM_SCALE", INT2, "SQL_DATA_TYPE", INT4,
                "SQL_DATETIME_SUB", INT4, "NUM_PREC_RADIX", INT4);
        String sql = "SELECT t.typname, t.oid::int8, " + TypeFacts.facts("t", "tn") + " "
                + "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace "
                + "LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid "
                + "WHERE tn.nspname <> 'pg_toast' AND (t.typrelid = 0 OR c.relkind = 'c') ORDER BY t.oid";
        List<Object[]> rows = new ArrayList<>();
        for (Row r : catalog.query(sql)) {
            String name = str(r, 0);
            long oid = bigint(r, 1);
            int sqlType = TypeFacts.sqlType(oid, str(r, 2), bool(r, 3));
            String quote = TypeFacts.quoted(sqlType) ? "'" : null;
            Object[] row = {name, sqlType, TypeFacts.maximumPrecision(oid), quote, quote, null,
                (short) DatabaseMetaData.typeNullable, TypeFacts.caseSensitive(oid), (short) DatabaseMetaData.typeSearchable,
                !TypeFacts.signed(oid), false, false, null, (short) 0, (short) (oid == TypeFacts.NUMERIC ? 1000 : 0), null, null,
                10};
            rows.add(row);
            String serial = switch (name) {
                case "int4" -> "serial";
                case "int8" -> "bigserial";
                case "int2" -> "smallserial";
                default -> null;
            };
            if (serial != null) {
                Object[] auto = row.clone();
                auto[0] = serial;
                auto[11] = true;
                rows.add(auto);
            }
        }
        // A stable sort keeps the oid order (built-in types first) within each DATA_TYPE.
        rows.sort((a, b) -> Integer.compare((Integer) a[1], (Integer) b[1]));
        for (Object[] row : rows) {
            out.add(row);
        }
        return out;
    }

    /**
     * User-defined types: composites (STRUCT, the row types of tables among them) and domains
     * (DISTINCT, with BASE_TYPE the JDBC type of the domain's base). {@code typeNamePattern} may
     * be qualified ("schema.type" or "catalog.schema.type"); the qualifier then replaces the
     * schema pattern. Ordered by DATA_TYPE, TYPE_SCHEM, TYPE_NAME.
     */
    public MetaRows udts(String schemaPattern, String typeNamePattern, int[] types) throws SQLException {
        MetaRows out = MetaRows.of("TYPE_CAT", VARCHAR, "TYPE_SCHEM", VARCHAR, "TYPE_NAME", VARCHAR, "CLASS_NAME", VARCHAR,
                "DATA_TYPE", INT4, "REMARKS", VARCHAR, "BASE_TYPE", INT2);
        String schema = schemaPattern;
        String name = typeNamePattern;
        if (name != null) {
            int first = name.indexOf('.');
            int last = name.lastIndexOf('.');
            if (first != -1) {
                schema = first != last ? name.substring(first + 1, last) : name.substring(0, first);
                name = name.substring(last + 1);
            }
        }
        List<String> kinds = new ArrayList<>();
        if (types == null) {
            kinds.add("c");
            kinds.add("d");
        } else {
            for (int t : types) {
                if (t == Types.STRUCT) {
                    kinds.add("c");
                } else if (t == Types.DISTINCT) {
                    kinds.add("d");
                }
            }
        }
        String sql = "SELECT * FROM (SELECT n.nspname, t.typname, "
                + "CASE WHEN t.typtype = 'c' THEN " + Types.STRUCT + " ELSE " + Types.DISTINCT + " END AS data_type, "
                + "pg_catalog.obj_description(t.oid, 'pg_type'), t.typtype::text, bt.oid::int8, bt.typtype::text, "
                + "bt.typinput = 'pg_catalog.array_in'::pg_catalog.regproc "
                + "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
                + "LEFT JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype "
                + "WHERE n.nspname NOT IN ('pg_catalog', 'pg_toast') AND t.typtype::text = ANY ($3::text[]) "
                + "AND ($1::text IS NULL OR n.nspname LIKE $1::text) AND ($2::text IS NULL OR t.typname LIKE $2::text)) u "
                + "ORDER BY data_type, nspname, typname";
        for (Row r : catalog.query(sql, Catalog.pattern(schema), Catalog.pattern(name), kinds.toArray(new String[0]))) {
            Short base = "d".equals(str(r, 4)) ? (short) TypeFacts.sqlType(bigint(r, 5), str(r, 6), bool(r, 7)) : null;
            out.add(null, str(r, 0), str(r, 1), null, ((Number) r.get(2)).intValue(), str(r, 3), base);
        }
        return out;
    }

    /** Empty: composite types' attributes are not reported (pgjdbc does not implement this either). */
    public static MetaRows attributes() {
        return MetaRows.of("TYPE_CAT", VARCHAR, "TYPE_SCHEM", VARCHAR, "TYPE_NAME", VARCHAR, "ATTR_NAME", VARCHAR,
                "DATA_TYPE", INT4, "ATTR_TYPE_NAME", VARCHAR, "ATTR_SIZE", INT4, "DECIMAL_DIGITS", INT4, "NUM_PREC_RADIX", INT4,
                "NULLABLE", INT4, "REMARKS", VARCHAR, "ATTR_DEF", VARCHAR, "SQL_DATA_TYPE", INT4, "SQL_DATETIME_SUB", INT4,
                "CHAR_OCTET_LENGTH", INT4, "ORDINAL_POSITION", INT4, "IS_NULLABLE", VARCHAR, "SCOPE_CATALOG", VARCHAR,
                "SCOPE_SCHEMA", VARCHAR, "SCOPE_TABLE", VARCHAR, "SOURCE_DATA_TYPE", INT2);
    }

    /** Empty: PostgreSQL has no SQL type hierarchy. */
    public static MetaRows superTypes() {
        return MetaRows.of("TYPE_CAT", VARCHAR, "TYPE_SCHEM", VARCHAR, "TYPE_NAME", VARCHAR, "SUPERTYPE_CAT", VARCHAR,
                "SUPERTYPE_SCHEM", VARCHAR, "SUPERTYPE_NAME", VARCHAR);
    }

    /** Empty: table inheritance (INHERITS, partitions) is not SQL's typed-table hierarchy JDBC describes. */
    public static MetaRows superTables() {
        return MetaRows.of("TABLE_CAT", VARCHAR, "TABLE_SCHEM", VARCHAR, "TABLE_NAME", VARCHAR, "SUPERTABLE_NAME", VARCHAR);
    }
}
