package io.tusk.jdbc.internal.meta;

import static io.tusk.jdbc.internal.meta.Catalog.pattern;
import static io.tusk.jdbc.internal.meta.Catalog.str;
import static io.tusk.jdbc.internal.meta.MetaRows.VARCHAR;

import io.tusk.rows.Row;
import java.sql.SQLException;

/**
 * getTablePrivileges and getColumnPrivileges, read from the access control lists with
 * aclexplode(): one row per grantee, privilege and grantor. A relation without an ACL has its
 * owner's default privileges (acldefault), as the server applies them. The owner's privileges are
 * always grantable.
 */
public final class PrivilegesMetaData {
    private static final String GRANT = "pg_catalog.pg_get_userbyid(acl.grantor) AS grantor, "
            + "CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(acl.grantee) END AS grantee, "
            + "acl.privilege_type COLLATE \"C\" AS privilege, "
            + "CASE WHEN acl.is_grantable OR acl.grantee = c.relowner THEN 'YES' ELSE 'NO' END AS grantable";
    private static final String RELKINDS = "c.relkind IN ('r', 'p', 'v', 'm', 'f')";

    private final Catalog catalog;

    public PrivilegesMetaData(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Ordered by TABLE_SCHEM, TABLE_NAME, PRIVILEGE, then grantee and grantor. */
    public MetaRows tablePrivileges(String schemaPattern, String tableNamePattern) throws SQLException {
        MetaRows out = MetaRows.of("TABLE_CAT", VARCHAR, "TABLE_SCHEM", VARCHAR, "TABLE_NAME", VARCHAR, "GRANTOR", VARCHAR,
                "GRANTEE", VARCHAR, "PRIVILEGE", VARCHAR, "IS_GRANTABLE", VARCHAR);
        String sql = "SELECT * FROM (SELECT n.nspname, c.relname, " + GRANT + " "
                + "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                + "CROSS JOIN LATERAL pg_catalog.aclexplode(coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner))) acl "
                + "WHERE " + RELKINDS + " AND ($1::text IS NULL OR n.nspname LIKE $1::text) "
                + "AND ($2::text IS NULL OR c.relname LIKE $2::text)) p "
                + "ORDER BY nspname, relname, privilege, grantee COLLATE \"C\", grantor COLLATE \"C\"";
        for (Row r : catalog.query(sql, pattern(schemaPattern), pattern(tableNamePattern))) {
            out.add(null, str(r, 0), str(r, 1), str(r, 2), str(r, 3), str(r, 4), str(r, 5));
        }
        return out;
    }

    /**
     * What may be done to each column: the privileges granted on the whole table and those
     * granted on the column itself. Ordered by COLUMN_NAME, PRIVILEGE, then grantee and grantor.
     * {@code schema} and {@code table} are names, {@code columnNamePattern} a LIKE pattern.
     */
    public MetaRows columnPrivileges(String schema, String table, String columnNamePattern) throws SQLException {
        MetaRows out = MetaRows.of("TABLE_CAT", VARCHAR, "TABLE_SCHEM", VARCHAR, "TABLE_NAME", VARCHAR, "COLUMN_NAME", VARCHAR,
                "GRANTOR", VARCHAR, "GRANTEE", VARCHAR, "PRIVILEGE", VARCHAR, "IS_GRANTABLE", VARCHAR);
        String from = "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                + "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ";
        String where = "WHERE " + RELKINDS + " AND ($1::text IS NULL OR n.nspname = $1::name) "
                + "AND ($2::text IS NULL OR c.relname = $2::name) AND ($3::text IS NULL OR a.attname LIKE $3::text)";
        String sql = "SELECT * FROM (SELECT n.nspname, c.relname, a.attname, " + GRANT + " " + from
                + "CROSS JOIN LATERAL pg_catalog.aclexplode(coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner))) acl "
                + where + " UNION SELECT n.nspname, c.relname, a.attname, " + GRANT + " " + from
                + "CROSS JOIN LATERAL pg_catalog.aclexplode(a.attacl) acl " + where + ") p "
                + "ORDER BY attname, privilege, grantee COLLATE \"C\", grantor COLLATE \"C\", nspname, relname";
        for (Row r : catalog.query(sql, pattern(schema), pattern(table), pattern(columnNamePattern))) {
            out.add(null, str(r, 0), str(r, 1), str(r, 2), str(r, 3), str(r, 4), str(r, 5), str(r, 6));
        }
        return out;
    }
}
