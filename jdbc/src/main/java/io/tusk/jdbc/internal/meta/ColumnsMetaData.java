package io.tusk.jdbc.internal.meta;

import static io.tusk.jdbc.internal.meta.Catalog.bigint;
import static io.tusk.jdbc.internal.meta.Catalog.bool;
import static io.tusk.jdbc.internal.meta.Catalog.intOr;
import static io.tusk.jdbc.internal.meta.Catalog.pattern;
import static io.tusk.jdbc.internal.meta.Catalog.str;
import static io.tusk.jdbc.internal.meta.MetaRows.INT2;
import static io.tusk.jdbc.internal.meta.MetaRows.INT4;
import static io.tusk.jdbc.internal.meta.MetaRows.VARCHAR;

import io.tusk.rows.Row;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Types;

/** getColumns, getBestRowIdentifier, getVersionColumns, getPseudoColumns. */
public final class ColumnsMetaData {
    private final Catalog catalog;

    public ColumnsMetaData(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The columns of tables, views, materialized views, foreign and partitioned tables, ordered
     * by TABLE_SCHEM, TABLE_NAME, ORDINAL_POSITION. ORDINAL_POSITION counts live columns only
     * (a dropped column leaves no gap), as pgjdbc numbers them.
     */
    public MetaRows columns(String schemaPattern, String tableNamePattern, String columnNamePattern) throws SQLException {
        MetaRows out = MetaRows.of("TABLE_CAT", VARCHAR, "TABLE_SCHEM", VARCHAR, "TABLE_NAME", VARCHAR, "COLUMN_NAME", VARCHAR,
                "DATA_TYPE", INT4, "TYPE_NAME", VARCHAR, "COLUMN_SIZE", INT4, "BUFFER_LENGTH", VARCHAR, "DECIMAL_DIGITS", INT4,
                "NUM_PREC_RADIX", INT4, "NULLABLE", INT4, "REMARKS", VARCHAR, "COLUMN_DEF", VARCHAR, "SQL_DATA_TYPE", INT4,
                "SQL_DATETIME_SUB", INT4, "CHAR_OCTET_LENGTH", INT4, "ORDINAL_POSITION", INT4, "IS_NULLABLE", VARCHAR,
                "SCOPE_CATALOG", VARCHAR, "SCOPE_SCHEMA", VARCHAR, "SCOPE_TABLE", VARCHAR, "SOURCE_DATA_TYPE", INT2,
                "IS_AUTOINCREMENT", VARCHAR, "IS_GENERATEDCOLUMN", VARCHAR);
        int major = catalog.serverMajor();
        // attidentity came with PostgreSQL 10, attgenerated with 12.
        String identity = major >= 10 ? "nullif(a.attidentity::text, '')" : "NULL::text";
        String generated = major >= 12 ? "nullif(a.attgenerated::text, '')" : "NULL::text";
        String sql = "SELECT * FROM (SELECT n.nspname, c.relname, a.attname, a.atttypid::int8, "
                + "a.attnotnull OR (t.typtype = 'd' AND t.typnotnull), a.atttypmod, t.typtypmod, "
                + "row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum) AS attnum, "
                + identity + ", " + generated + ", pg_catalog.pg_get_expr(def.adbin, def.adrelid), dsc.description, "
                + "t.typbasetype::int8, " + TypeFacts.facts("t", "tn") + ", bt.typtype::text, "
                + "bt.typinput = 'pg_catalog.array_in'::pg_catalog.regproc "
                + "FROM pg_catalog.pg_namespace n JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid "
                + "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
                + "JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace "
                + "LEFT JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype "
                + "LEFT JOIN pg_catalog.pg_attrdef def ON def.adrelid = a.attrelid AND def.adnum = a.attnum "
                + "LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = c.oid AND dsc.objsubid = a.attnum "
                + "AND dsc.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass "
                + "WHERE c.relkind IN ('r', 'p', 'v', 'f', 'm') AND a.attnum > 0 AND NOT a.attisdropped "
                + "AND ($1::text IS NULL OR n.nspname LIKE $1::text) AND ($2::text IS NULL OR c.relname LIKE $2::text)) c "
                + "WHERE $3::text IS NULL OR attname LIKE $3::text ORDER BY nspname, relname, attnum";
        for (Row r : catalog.query(sql, pattern(schemaPattern), pattern(tableNamePattern), pattern(columnNamePattern))) {
            long typeOid = bigint(r, 3);
            boolean notNull = bool(r, 4);
            int typmod = intOr(r, 5, -1);
            int domainTypmod = intOr(r, 6, -1);
            String defval = str(r, 10);
            long baseOid = bigint(r, 12);
            int sqlType = TypeFacts.sqlType(typeOid, str(r, 13), bool(r, 14));
            String typeName = str(r, 15);
            if (defval != null && defval.contains("nextval(")) {
                // A column filled from its own sequence is shown as the serial type that made it.
                typeName = switch (typeName) {
                    case "int4" -> "serial";
                    case "int8" -> "bigserial";
                    case "int2" -> "smallserial";
                    default -> typeName;
                };
            }
            int columnSize;
            int decimalDigits;
            if (sqlType == Types.DISTINCT) {
                // A domain: its own type modifier (typtypmod) when it has one, else the column's, on its base type.
                int mod = domainTypmod == -1 ? typmod : domainTypmod;
                columnSize = TypeFacts.precision(baseOid, mod);
                decimalDigits = TypeFacts.scale(baseOid, mod);
            } else {
                decimalDigits = TypeFacts.scale(typeOid, typmod);
                columnSize = TypeFacts.precision(typeOid, typmod);
                if (sqlType != Types.NUMERIC && columnSize == 0) {
                    columnSize = TypeFacts.displaySize(typeOid, typmod);
                }
            }
            Integer digits = (sqlType == Types.NUMERIC || sqlType == Types.DECIMAL) && typmod == -1 ? null : decimalDigits;
            String bareType = str(r, 15);
            int radix = "bit".equals(bareType) || "varbit".equals(bareType) ? 2 : 10;
            Short sourceType = baseOid == 0 ? null : (short) TypeFacts.sqlType(baseOid, str(r, 16), bool(r, 17));
            boolean autoIncrement = (defval != null && defval.contains("nextval(")) || str(r, 8) != null;
            out.add(null, str(r, 0), str(r, 1), str(r, 2), sqlType, typeName, columnSize, null, digits, radix,
                    notNull ? DatabaseMetaData.columnNoNulls : DatabaseMetaData.columnNullable, str(r, 11), defval, null, null,
                    columnSize, intOr(r, 7, 0), notNull ? "NO" : "YES", null, null, null, sourceType,
                    autoIncrement ? "YES" : "NO", str(r, 9) != null ? "YES" : "NO");
        }
        return out;
    }

    private static MetaRows rowIdentifierColumns() {
        return MetaRows.of("SCOPE", INT2, "COLUMN_NAME", VARCHAR, "DATA_TYPE", INT4, "TYPE_NAME", VARCHAR, "COLUMN_SIZE", INT4,
                "BUFFER_LENGTH", INT4, "DECIMAL_DIGITS", INT2, "PSEUDO_COLUMN", INT2);
    }

    /**
     * The primary key's columns (by column number): the best way to find a row again. A table
     * without a primary key has no answer, as with pgjdbc; {@code nullable} changes nothing since
     * key columns are never null.
     */
    public MetaRows bestRowIdentifier(String schema, String table, int scope) throws SQLException {
        MetaRows out = rowIdentifierColumns();
        String sql = "SELECT a.attname, a.atttypid::int8, a.atttypmod, " + TypeFacts.facts("t", "tn") + " "
                + "FROM pg_catalog.pg_class ct JOIN pg_catalog.pg_namespace n ON n.oid = ct.relnamespace "
                + "JOIN pg_catalog.pg_index i ON i.indrelid = ct.oid AND i.indisprimary "
                + "JOIN pg_catalog.pg_attribute a ON a.attrelid = ct.oid AND a.attnum = ANY (i.indkey::int2[]) "
                + "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace "
                + "WHERE ($1::text IS NULL OR n.nspname = $1::name) AND ct.relname = $2::name ORDER BY a.attnum";
        for (Row r : catalog.query(sql, pattern(schema), table)) {
            long typeOid = bigint(r, 1);
            int typmod = intOr(r, 2, -1);
            int sqlType = TypeFacts.sqlType(typeOid, str(r, 3), bool(r, 4));
            int columnSize = TypeFacts.precision(typeOid, typmod);
            if (sqlType != Types.NUMERIC && columnSize == 0) {
                columnSize = TypeFacts.displaySize(typeOid, typmod);
            }
            out.add((short) scope, str(r, 0), sqlType, str(r, 5), columnSize, null, (short) TypeFacts.scale(typeOid, typmod),
                    (short) DatabaseMetaData.bestRowNotPseudo);
        }
        return out;
    }

    /**
     * Nothing in PostgreSQL updates a column by itself on every update except the system column
     * ctid (the row's physical place), so that is the one version column of every table.
     */
    public static MetaRows versionColumns() {
        return rowIdentifierColumns().add(null, "ctid", Types.OTHER, "tid", null, null, null,
                (short) DatabaseMetaData.versionColumnPseudo);
    }

    /** PostgreSQL tables have no pseudo columns in JDBC's sense: the result is empty. */
    public static MetaRows pseudoColumns() {
        return MetaRows.of("TABLE_CAT", VARCHAR, "TABLE_SCHEM", VARCHAR, "TABLE_NAME", VARCHAR, "COLUMN_NAME", VARCHAR,
                "DATA_TYPE", INT4, "COLUMN_SIZE", INT4, "DECIMAL_DIGITS", INT4, "NUM_PREC_RADIX", INT4, "COLUMN_USAGE", VARCHAR,
                "REMARKS", VARCHAR, "CHAR_OCTET_LENGTH", INT4, "IS_NULLABLE", VARCHAR);
    }
}
