package io.tusk.jdbc.internal.meta;

import static io.tusk.jdbc.internal.meta.Catalog.pattern;
import static io.tusk.jdbc.internal.meta.Catalog.str;
import static io.tusk.jdbc.internal.meta.MetaRows.VARCHAR;

import io.tusk.rows.Row;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** getTables, getTableTypes, getSchemas, getCatalogs. */
public final class TablesMetaData {
    /**
     * The table types getTables reports, in the order getTableTypes lists them; the names pgjdbc
     * uses, so a tool's type filter means the same with both drivers.
     */
    static final List<String> TABLE_TYPES = List.of("FOREIGN TABLE", "INDEX", "MATERIALIZED VIEW", "PARTITIONED INDEX",
            "PARTITIONED TABLE", "SEQUENCE", "SYSTEM INDEX", "SYSTEM TABLE", "SYSTEM TOAST INDEX", "SYSTEM TOAST TABLE",
            "SYSTEM VIEW", "TABLE", "TEMPORARY INDEX", "TEMPORARY SEQUENCE", "TEMPORARY TABLE", "TEMPORARY VIEW", "TYPE",
            "VIEW");

    /**
     * A relation's table type from its relkind (pg_class) and schema: pg_catalog and
     * information_schema hold SYSTEM objects, pg_toast the TOAST ones, other pg_* schemas
     * (pg_temp_N) the TEMPORARY ones.
     */
    private static final String TABLE_TYPE = "CASE WHEN n.nspname IN ('pg_catalog', 'information_schema') THEN "
            + "CASE c.relkind WHEN 'r' THEN 'SYSTEM TABLE' WHEN 'v' THEN 'SYSTEM VIEW' WHEN 'i' THEN 'SYSTEM INDEX' END "
            + "WHEN n.nspname = 'pg_toast' THEN "
            + "CASE c.relkind WHEN 'r' THEN 'SYSTEM TOAST TABLE' WHEN 'i' THEN 'SYSTEM TOAST INDEX' END "
            + "WHEN n.nspname ~ '^pg_' THEN "
            + "CASE c.relkind WHEN 'r' THEN 'TEMPORARY TABLE' WHEN 'p' THEN 'TEMPORARY TABLE' WHEN 'i' THEN 'TEMPORARY INDEX' "
            + "WHEN 'S' THEN 'TEMPORARY SEQUENCE' WHEN 'v' THEN 'TEMPORARY VIEW' END "
            + "ELSE CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'PARTITIONED TABLE' WHEN 'i' THEN 'INDEX' "
            + "WHEN 'I' THEN 'PARTITIONED INDEX' WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'c' THEN 'TYPE' "
            + "WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'm' THEN 'MATERIALIZED VIEW' END END";

    private final Catalog catalog;

    public TablesMetaData(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Ordered by TABLE_TYPE, TABLE_SCHEM, TABLE_NAME as the javadoc says. */
    public MetaRows tables(String schemaPattern, String tableNamePattern, String[] types) throws SQLException {
        MetaRows out = MetaRows.of("TABLE_CAT", VARCHAR, "TABLE_SCHEM", VARCHAR, "TABLE_NAME", VARCHAR, "TABLE_TYPE", VARCHAR,
                "REMARKS", VARCHAR, "TYPE_CAT", VARCHAR, "TYPE_SCHEM", VARCHAR, "TYPE_NAME", VARCHAR,
                "SELF_REFERENCING_COL_NAME", VARCHAR, "REF_GENERATION", VARCHAR);
        List<String> wanted = null;
        if (types != null) {
            wanted = new ArrayList<>();
            for (String t : types) {
                if (t != null) {
                    wanted.add(t);
                }
            }
        }
        String sql = "SELECT * FROM (SELECT n.nspname AS schem, c.relname AS name, " + TABLE_TYPE + " AS type, "
                + "d.description FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                + "LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0 "
                + "AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass "
                + "WHERE ($1::text IS NULL OR n.nspname LIKE $1::text) AND ($2::text IS NULL OR c.relname LIKE $2::text)) t "
                + "WHERE $3::text[] IS NULL OR type = ANY ($3::text[]) ORDER BY type, schem, name";
        String[] typeArray = wanted == null ? null : wanted.toArray(new String[0]);
        for (Row r : catalog.query(sql, pattern(schemaPattern), pattern(tableNamePattern), typeArray)) {
            // TYPE_* and the self-referencing columns do not apply to PostgreSQL tables: '' as pgjdbc answers.
            out.add(null, str(r, 0), str(r, 1), str(r, 2), str(r, 3), "", "", "", "", "");
        }
        return out;
    }

    public static MetaRows tableTypes() {
        MetaRows out = MetaRows.of("TABLE_TYPE", VARCHAR);
        for (String t : TABLE_TYPES) {
            out.add(t);
        }
        return out;
    }

    /**
     * The schemas, without pg_toast and other sessions' temporary schemas (only this session's
     * own pg_temp_N and its pg_toast_temp_N), ordered by TABLE_SCHEM.
     */
    public MetaRows schemas(String schemaPattern) throws SQLException {
        MetaRows out = MetaRows.of("TABLE_SCHEM", VARCHAR, "TABLE_CATALOG", VARCHAR);
        String sql = "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname <> 'pg_toast' "
                + "AND (nspname !~ '^pg_temp_' OR nspname = (pg_catalog.current_schemas(true))[1]) "
                + "AND (nspname !~ '^pg_toast_temp_' "
                + "OR nspname = replace((pg_catalog.current_schemas(true))[1], 'pg_temp_', 'pg_toast_temp_')) "
                + "AND ($1::text IS NULL OR nspname LIKE $1::text) ORDER BY nspname";
        for (Row r : catalog.query(sql, pattern(schemaPattern))) {
            out.add(str(r, 0), null);
        }
        return out;
    }

    /** The databases one can connect to, ordered by name. */
    public MetaRows catalogs() throws SQLException {
        MetaRows out = MetaRows.of("TABLE_CAT", VARCHAR);
        for (Row r : catalog.query("SELECT datname FROM pg_catalog.pg_database WHERE datallowconn ORDER BY datname")) {
            out.add(str(r, 0));
        }
        return out;
    }
}
