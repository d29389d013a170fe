package io.tusk.jdbc.internal.meta;

import static io.tusk.jdbc.internal.meta.Catalog.bigint;
import static io.tusk.jdbc.internal.meta.Catalog.bool;
import static io.tusk.jdbc.internal.meta.Catalog.integer;
import static io.tusk.jdbc.internal.meta.Catalog.pattern;
import static io.tusk.jdbc.internal.meta.Catalog.str;
import static io.tusk.jdbc.internal.meta.MetaRows.INT2;
import static io.tusk.jdbc.internal.meta.MetaRows.INT4;
import static io.tusk.jdbc.internal.meta.MetaRows.VARCHAR;

import io.tusk.rows.Row;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * getProcedures, getFunctions and their columns. From PostgreSQL 11 on, pg_proc.prokind tells
 * procedures ('p') from functions ('f'); before, every routine is both.
 */
public final class RoutinesMetaData {
    /** Filters pg_proc p in schema n by the two LIKE patterns $1 and $2. */
    private static final String FILTER = "($1::text IS NULL OR n.nspname LIKE $1::text) AND ($2::text IS NULL OR p.proname LIKE $2::text)";

    private final Catalog catalog;

    public RoutinesMetaData(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Procedures (CALL-able), ordered by PROCEDURE_SCHEM, PROCEDURE_NAME, then oid. */
    public MetaRows procedures(String schemaPattern, String namePattern) throws SQLException {
        MetaRows out = MetaRows.of("PROCEDURE_CAT", VARCHAR, "PROCEDURE_SCHEM", VARCHAR, "PROCEDURE_NAME", VARCHAR,
                "RESERVED1", VARCHAR, "RESERVED2", VARCHAR, "RESERVED3", VARCHAR, "REMARKS", VARCHAR, "PROCEDURE_TYPE", INT2,
                "SPECIFIC_NAME", VARCHAR);
        String kind = catalog.serverMajor() >= 11 ? " AND p.prokind = 'p'" : "";
        for (Row r : catalog.query(routines(kind), pattern(schemaPattern), pattern(namePattern))) {
            out.add(null, str(r, 0), str(r, 1), null, null, null, str(r, 2), (short) DatabaseMetaData.procedureReturnsResult,
                    str(r, 4));
        }
        return out;
    }

    /** Functions (not procedures, aggregates or window functions), ordered as getProcedures. */
    public MetaRows functions(String schemaPattern, String namePattern) throws SQLException {
        MetaRows out = MetaRows.of("FUNCTION_CAT", VARCHAR, "FUNCTION_SCHEM", VARCHAR, "FUNCTION_NAME", VARCHAR,
                "REMARKS", VARCHAR, "FUNCTION_TYPE", INT2, "SPECIFIC_NAME", VARCHAR);
        String kind = catalog.serverMajor() >= 11 ? " AND p.prokind = 'f'" : "";
        String database = (String) catalog.scalar("SELECT pg_catalog.current_database()::text");
        for (Row r : catalog.query(routines(kind), pattern(schemaPattern), pattern(namePattern))) {
            out.add(database, str(r, 0), str(r, 1), str(r, 2), integer(r, 3).shortValue(), str(r, 4));
        }
        return out;
    }

    private static String routines(String kind) {
        // FUNCTION_TYPE: a set-returning function (RETURNS TABLE / SETOF) returns a table.
        return "SELECT n.nspname, p.proname, d.description, "
                + "CASE WHEN pg_catalog.format_type(p.prorettype, NULL) = 'unknown' THEN " + DatabaseMetaData.functionResultUnknown
                + " WHEN left(pg_catalog.pg_get_function_result(p.oid), 5) IN ('TABLE', 'SETOF') THEN "
                + DatabaseMetaData.functionReturnsTable + " ELSE " + DatabaseMetaData.functionNoTable + " END, "
                + "p.proname || '_' || p.oid "
                + "FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
                + "LEFT JOIN pg_catalog.pg_description d ON d.objoid = p.oid AND d.objsubid = 0 "
                + "AND d.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass "
                + "WHERE " + FILTER + kind + " ORDER BY n.nspname, p.proname, p.oid::text";
    }

    /** One parameter or result column of a routine, before it is laid out as either result shape. */
    private record Param(String schema, String routine, String name, char mode, int sqlType, String typeName, int position,
            String specificName) {
    }

    /**
     * The parameters and result columns of every routine (functions and procedures alike):
     * first the return value of a routine returning a scalar, then its parameters in order,
     * then the columns of a composite it returns. Mode letters: r return value, i/o/b/v/t as
     * pg_proc.proargmodes, c a column of the returned composite.
     */
    private List<Param> params(String schemaPattern, String namePattern, String columnPattern) throws SQLException {
        String s = pattern(schemaPattern);
        String p = pattern(namePattern);
        Map<Long, List<Row>> args = new HashMap<>();
        String argSql = "SELECT p.oid::int8, a.n, CASE WHEN p.proargnames IS NULL THEN '$' || a.n ELSE p.proargnames[a.n] END, "
                + "coalesce(p.proargmodes[a.n]::text, 'i'), a.typ::int8, " + TypeFacts.facts("t", "tn") + " "
                + "FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
                + "CROSS JOIN LATERAL unnest(coalesce(p.proallargtypes, p.proargtypes::pg_catalog.oid[])) WITH ORDINALITY AS a(typ, n) "
                + "JOIN pg_catalog.pg_type t ON t.oid = a.typ JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace "
                + "WHERE " + FILTER + " ORDER BY p.oid, a.n";
        for (Row r : catalog.query(argSql, s, p)) {
            args.computeIfAbsent(bigint(r, 0), k -> new ArrayList<>()).add(r);
        }
        Map<Long, List<Row>> resultColumns = new HashMap<>();
        String colSql = "SELECT p.oid::int8, a.attname, a.atttypid::int8, " + TypeFacts.facts("t", "tn") + " "
                + "FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
                + "JOIN pg_catalog.pg_type rt ON rt.oid = p.prorettype "
                + "JOIN pg_catalog.pg_attribute a ON a.attrelid = rt.typrelid AND a.attnum > 0 AND NOT a.attisdropped "
                + "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace "
                + "WHERE rt.typtype = 'c' AND " + FILTER + " ORDER BY p.oid, a.attnum";
        for (Row r : catalog.query(colSql, s, p)) {
            resultColumns.computeIfAbsent(bigint(r, 0), k -> new ArrayList<>()).add(r);
        }
        String procSql = "SELECT n.nspname, p.proname, p.oid::int8, p.prorettype::int8, p.proargmodes IS NULL, "
                + TypeFacts.facts("t", "tn") + " "
                + "FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
                + "JOIN pg_catalog.pg_type t ON t.oid = p.prorettype JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace "
                + "WHERE " + FILTER + " ORDER BY n.nspname, p.proname, p.oid::text";
        List<Param> out = new ArrayList<>();
        for (Row r : catalog.query(procSql, s, p)) {
            String schema = str(r, 0);
            String name = str(r, 1);
            long oid = bigint(r, 2);
            String specific = name + "_" + oid;
            String retType = str(r, 5);
            // A scalar result (base, domain, enum, or a pseudo-type such as void without OUT
            // parameters) is a return value; a composite's columns come after the parameters.
            if ("b".equals(retType) || "d".equals(retType) || "e".equals(retType) || ("p".equals(retType) && bool(r, 4))) {
                out.add(new Param(schema, name, "returnValue", 'r', TypeFacts.sqlType(bigint(r, 3), retType, bool(r, 6)),
                        str(r, 7), 0, specific));
            }
            for (Row a : args.getOrDefault(oid, List.of())) {
                out.add(new Param(schema, name, str(a, 2), str(a, 3).charAt(0), TypeFacts.sqlType(bigint(a, 4), str(a, 5),
                        bool(a, 6)), str(a, 7), integer(a, 1), specific));
            }
            for (Row c : resultColumns.getOrDefault(oid, List.of())) {
                out.add(new Param(schema, name, str(c, 1), 'c', TypeFacts.sqlType(bigint(c, 2), str(c, 3), bool(c, 4)),
                        str(c, 5), 0, specific));
            }
        }
        out.removeIf(x -> !Like.matches(columnPattern, x.name()));
        return out;
    }

    public MetaRows procedureColumns(String schemaPattern, String namePattern, String columnPattern) throws SQLException {
        MetaRows out = MetaRows.of("PROCEDURE_CAT", VARCHAR, "PROCEDURE_SCHEM", VARCHAR, "PROCEDURE_NAME", VARCHAR,
                "COLUMN_NAME", VARCHAR, "COLUMN_TYPE", INT2, "DATA_TYPE", INT4, "TYPE_NAME", VARCHAR, "PRECISION", INT4,
                "LENGTH", INT4, "SCALE", INT2, "RADIX", INT2, "NULLABLE", INT2, "REMARKS", VARCHAR, "COLUMN_DEF", VARCHAR,
                "SQL_DATA_TYPE", INT4, "SQL_DATETIME_SUB", INT4, "CHAR_OCTET_LENGTH", INT4, "ORDINAL_POSITION", INT4,
                "IS_NULLABLE", VARCHAR, "SPECIFIC_NAME", VARCHAR);
        for (Param x : params(schemaPattern, namePattern, columnPattern)) {
            int type = switch (x.mode()) {
                case 'r' -> DatabaseMetaData.procedureColumnReturn;
                case 'o' -> DatabaseMetaData.procedureColumnOut;
                case 'b' -> DatabaseMetaData.procedureColumnInOut;
                case 't', 'c' -> DatabaseMetaData.procedureColumnResult;
                default -> DatabaseMetaData.procedureColumnIn;
            };
            out.add(null, x.schema(), x.routine(), x.name(), (short) type, x.sqlType(), x.typeName(), null, null, null, null,
                    (short) DatabaseMetaData.procedureNullableUnknown, null, null, null, null, null, x.position(), "",
                    x.specificName());
        }
        return out;
    }

    public MetaRows functionColumns(String schemaPattern, String namePattern, String columnPattern) throws SQLException {
        MetaRows out = MetaRows.of("FUNCTION_CAT", VARCHAR, "FUNCTION_SCHEM", VARCHAR, "FUNCTION_NAME", VARCHAR,
                "COLUMN_NAME", VARCHAR, "COLUMN_TYPE", INT2, "DATA_TYPE", INT4, "TYPE_NAME", VARCHAR, "PRECISION", INT4,
                "LENGTH", INT4, "SCALE", INT2, "RADIX", INT2, "NULLABLE", INT2, "REMARKS", VARCHAR, "CHAR_OCTET_LENGTH", INT4,
                "ORDINAL_POSITION", INT4, "IS_NULLABLE", VARCHAR, "SPECIFIC_NAME", VARCHAR);
        for (Param x : params(schemaPattern, namePattern, columnPattern)) {
            int type = switch (x.mode()) {
                case 'r' -> DatabaseMetaData.functionReturn;
                case 'o' -> DatabaseMetaData.functionColumnOut;
                case 'b' -> DatabaseMetaData.functionColumnInOut;
                case 't', 'c' -> DatabaseMetaData.functionColumnResult;
                default -> DatabaseMetaData.functionColumnIn;
            };
            out.add(null, x.schema(), x.routine(), x.name(), (short) type, x.sqlType(), x.typeName(), null, null, null, null,
                    (short) DatabaseMetaData.functionNullableUnknown, null, null, x.position(), "", x.specificName());
        }
        return out;
    }
}
