package io.tusk.jdbc.internal.meta;

import static io.tusk.jdbc.internal.meta.Catalog.bigint;
import static io.tusk.jdbc.internal.meta.Catalog.bool;
import static io.tusk.jdbc.internal.meta.Catalog.integer;
import static io.tusk.jdbc.internal.meta.Catalog.pattern;
import static io.tusk.jdbc.internal.meta.Catalog.str;
import static io.tusk.jdbc.internal.meta.MetaRows.BOOL;
import static io.tusk.jdbc.internal.meta.MetaRows.INT2;
import static io.tusk.jdbc.internal.meta.MetaRows.INT8;
import static io.tusk.jdbc.internal.meta.MetaRows.VARCHAR;

import io.tusk.rows.Row;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** getPrimaryKeys, getImportedKeys, getExportedKeys, getCrossReference, getIndexInfo. */
public final class KeysMetaData {
    /** JDBC's importedKey* rule of a pg_constraint action letter (confupdtype, confdeltype). */
    private static final String RULE = "CASE %s WHEN 'c' THEN " + DatabaseMetaData.importedKeyCascade
            + " WHEN 'n' THEN " + DatabaseMetaData.importedKeySetNull + " WHEN 'd' THEN " + DatabaseMetaData.importedKeySetDefault
            + " WHEN 'r' THEN " + DatabaseMetaData.importedKeyRestrict + " WHEN 'p' THEN " + DatabaseMetaData.importedKeyRestrict
            + " WHEN 'a' THEN " + DatabaseMetaData.importedKeyNoAction + " END";

    private final Catalog catalog;

    public KeysMetaData(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The primary key columns, in key order (KEY_SEQ) per table: the order pgjdbc gives and the
     * one tools rebuild a composite key from (the javadoc's "by COLUMN_NAME" would scramble it).
     * {@code schema} and {@code table} are names, not patterns; null means any.
     */
    public MetaRows primaryKeys(String schema, String table) throws SQLException {
        MetaRows out = MetaRows.of("TABLE_CAT", VARCHAR, "TABLE_SCHEM", VARCHAR, "TABLE_NAME", VARCHAR, "COLUMN_NAME", VARCHAR,
                "KEY_SEQ", INT2, "PK_NAME", VARCHAR);
        String sql = "SELECT n.nspname, ct.relname, a.attname, k.n, ci.relname AS pk_name "
                + "FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ct ON ct.oid = i.indrelid "
                + "JOIN pg_catalog.pg_namespace n ON n.oid = ct.relnamespace JOIN pg_catalog.pg_class ci ON ci.oid = i.indexrelid "
                + "CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n) "
                + "JOIN pg_catalog.pg_attribute a ON a.attrelid = ct.oid AND a.attnum = k.attnum "
                + "WHERE i.indisprimary AND ($1::text IS NULL OR n.nspname = $1::name) "
                + "AND ($2::text IS NULL OR ct.relname = $2::name) ORDER BY ct.relname, pk_name, k.n";
        for (Row r : catalog.query(sql, pattern(schema), pattern(table))) {
            out.add(null, str(r, 0), str(r, 1), str(r, 2), integer(r, 3).shortValue(), str(r, 4));
        }
        return out;
    }

    /**
     * Foreign keys, one row per column pair. With a primary table given (getExportedKeys,
     * getCrossReference) ordered by the foreign tables, else (getImportedKeys) by the primary
     * tables, then by constraint name and KEY_SEQ. PK_NAME is the unique index the key refers to.
     */
    public MetaRows foreignKeys(String pkSchema, String pkTable, String fkSchema, String fkTable) throws SQLException {
        MetaRows out = MetaRows.of("PKTABLE_CAT", VARCHAR, "PKTABLE_SCHEM", VARCHAR, "PKTABLE_NAME", VARCHAR,
                "PKCOLUMN_NAME", VARCHAR, "FKTABLE_CAT", VARCHAR, "FKTABLE_SCHEM", VARCHAR, "FKTABLE_NAME", VARCHAR,
                "FKCOLUMN_NAME", VARCHAR, "KEY_SEQ", INT2, "UPDATE_RULE", INT2, "DELETE_RULE", INT2, "FK_NAME", VARCHAR,
                "PK_NAME", VARCHAR, "DEFERRABILITY", INT2);
        String order = pkTable != null ? "fkn.nspname, fkc.relname, con.conname, k.n" : "pkn.nspname, pkc.relname, con.conname, k.n";
        String sql = "SELECT pkn.nspname, pkc.relname, pka.attname, fkn.nspname, fkc.relname, fka.attname, k.n, "
                + String.format(RULE, "con.confupdtype") + ", " + String.format(RULE, "con.confdeltype") + ", "
                + "con.conname, pkic.relname, CASE WHEN con.condeferrable AND con.condeferred THEN "
                + DatabaseMetaData.importedKeyInitiallyDeferred + " WHEN con.condeferrable THEN "
                + DatabaseMetaData.importedKeyInitiallyImmediate + " ELSE " + DatabaseMetaData.importedKeyNotDeferrable + " END "
                + "FROM pg_catalog.pg_constraint con "
                + "CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(fkattnum, pkattnum, n) "
                + "JOIN pg_catalog.pg_class pkc ON pkc.oid = con.confrelid JOIN pg_catalog.pg_namespace pkn ON pkn.oid = pkc.relnamespace "
                + "JOIN pg_catalog.pg_attribute pka ON pka.attrelid = pkc.oid AND pka.attnum = k.pkattnum "
                + "JOIN pg_catalog.pg_class fkc ON fkc.oid = con.conrelid JOIN pg_catalog.pg_namespace fkn ON fkn.oid = fkc.relnamespace "
                + "JOIN pg_catalog.pg_attribute fka ON fka.attrelid = fkc.oid AND fka.attnum = k.fkattnum "
                + "JOIN pg_catalog.pg_class pkic ON pkic.oid = con.conindid AND pkic.relkind IN ('i', 'I') "
                + "WHERE con.contype = 'f' AND ($1::text IS NULL OR pkn.nspname = $1::name) "
                + "AND ($2::text IS NULL OR pkc.relname = $2::name) AND ($3::text IS NULL OR fkn.nspname = $3::name) "
                + "AND ($4::text IS NULL OR fkc.relname = $4::name) ORDER BY " + order;
        for (Row r : catalog.query(sql, pattern(pkSchema), pkTable, pattern(fkSchema), fkTable)) {
            out.add(null, str(r, 0), str(r, 1), str(r, 2), null, str(r, 3), str(r, 4), str(r, 5), integer(r, 6).shortValue(),
                    integer(r, 7).shortValue(), integer(r, 8).shortValue(), str(r, 9), str(r, 10), integer(r, 11).shortValue());
        }
        return out;
    }

    /**
     * One row per index column (INCLUDE columns too), ordered by NON_UNIQUE, TYPE, INDEX_NAME,
     * ORDINAL_POSITION. COLUMN_NAME is the column or the expression; FILTER_CONDITION the WHERE
     * of a partial index; ASC_OR_DESC only for btree, the one access method with an order.
     * CARDINALITY and PAGES are the planner's estimates whatever {@code approximate} says.
     */
    public MetaRows indexInfo(String schema, String table, boolean unique) throws SQLException {
        MetaRows out = MetaRows.of("TABLE_CAT", VARCHAR, "TABLE_SCHEM", VARCHAR, "TABLE_NAME", VARCHAR, "NON_UNIQUE", BOOL,
                "INDEX_QUALIFIER", VARCHAR, "INDEX_NAME", VARCHAR, "TYPE", INT2, "ORDINAL_POSITION", INT2,
                "COLUMN_NAME", VARCHAR, "ASC_OR_DESC", VARCHAR, "CARDINALITY", INT8, "PAGES", INT8, "FILTER_CONDITION", VARCHAR);
        String sql = "SELECT n.nspname, ct.relname, NOT i.indisunique AS non_unique, ci.relname AS index_name, "
                + "CASE WHEN i.indisclustered THEN " + DatabaseMetaData.tableIndexClustered + " WHEN am.amname = 'hash' THEN "
                + DatabaseMetaData.tableIndexHashed + " ELSE " + DatabaseMetaData.tableIndexOther + " END AS type, k.n, "
                + "trim(both '\"' from pg_catalog.pg_get_indexdef(ci.oid, k.n::int, false)), "
                + "CASE WHEN am.amname <> 'btree' THEN NULL WHEN (i.indoption::int2[])[k.n - 1] & 1 = 1 THEN 'D' ELSE 'A' END, "
                + "ci.reltuples::int8, ci.relpages::int8, pg_catalog.pg_get_expr(i.indpred, i.indrelid) "
                + "FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ct ON ct.oid = i.indrelid "
                + "JOIN pg_catalog.pg_namespace n ON n.oid = ct.relnamespace JOIN pg_catalog.pg_class ci ON ci.oid = i.indexrelid "
                + "JOIN pg_catalog.pg_am am ON am.oid = ci.relam "
                + "CROSS JOIN LATERAL generate_series(1, array_length(i.indkey::int2[], 1)) AS k(n) "
                + "WHERE ($1::text IS NULL OR n.nspname = $1::name) AND ct.relname = $2::name AND (NOT $3::bool OR i.indisunique) "
                + "ORDER BY non_unique, type, index_name, k.n";
        for (Row r : catalog.query(sql, pattern(schema), table, unique)) {
            out.add(null, str(r, 0), str(r, 1), bool(r, 2), null, str(r, 3), integer(r, 4).shortValue(),
                    integer(r, 5).shortValue(), str(r, 6), str(r, 7), bigint(r, 8), bigint(r, 9), str(r, 10));
        }
        return out;
    }
}
