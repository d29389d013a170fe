package io.tusk.jdbc.contract;

import static io.tusk.jdbc.contract.Obs.all;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ParameterMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;

/** ResultSetMetaData, ParameterMetaData and DatabaseMetaData on the Fixtures' small schema. */
final class MetaDataBehaviours {
    private MetaDataBehaviours() {
    }

    @FunctionalInterface
    interface Column {
        Object of(ResultSetMetaData md, int i) throws Exception;
    }

    @FunctionalInterface
    interface Meta {
        Object of(DatabaseMetaData md) throws Exception;
    }

    private static final String JOIN = "SELECT c.id, c.parent_id, c.note, c.amount, p.name AS parent_name, 1 + 1 AS expr,"
            + " now() AS ts, 'x'::text AS lit FROM child c JOIN parent p ON p.id = c.parent_id";

    static void add(Catalog k) {
        k.group("ResultSetMetaData");
        k.on("getColumnCount", x -> x.keep(x.st().executeQuery(JOIN)).getMetaData().getColumnCount()).expect("Integer:8");
        rsmd(k, "getColumnName", ResultSetMetaData::getColumnName);
        rsmd(k, "getColumnLabel", ResultSetMetaData::getColumnLabel);
        rsmd(k, "getColumnType", ResultSetMetaData::getColumnType);
        rsmd(k, "getColumnTypeName", ResultSetMetaData::getColumnTypeName);
        rsmd(k, "getColumnClassName", ResultSetMetaData::getColumnClassName);
        rsmd(k, "isNullable", ResultSetMetaData::isNullable);
        rsmd(k, "getPrecision", ResultSetMetaData::getPrecision);
        rsmd(k, "getScale", ResultSetMetaData::getScale);
        rsmd(k, "isAutoIncrement", ResultSetMetaData::isAutoIncrement);
        rsmd(k, "getTableName", ResultSetMetaData::getTableName);
        rsmd(k, "getSchemaName", ResultSetMetaData::getSchemaName);
        rsmd(k, "getColumnDisplaySize", ResultSetMetaData::getColumnDisplaySize);
        rsmd(k, "isSigned", ResultSetMetaData::isSigned);
        rsmd(k, "isCaseSensitive", ResultSetMetaData::isCaseSensitive);
        rsmd(k, "isReadOnly/isWritable", (md, i) -> md.isReadOnly(i) + "/" + md.isWritable(i));
        rsmd(k, "isSearchable/isCurrency", (md, i) -> md.isSearchable(i) + "/" + md.isCurrency(i));
        k.on("getColumnType of every fixture type", x -> {
            ResultSetMetaData md = x.keep(x.st().executeQuery("SELECT * FROM types WHERE false")).getMetaData();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.add(md.getColumnName(i) + "=" + md.getColumnType(i) + "/" + md.getColumnTypeName(i));
            }
            return out;
        });
        k.on("column index past the last", x -> x.keep(x.st().executeQuery("SELECT 1")).getMetaData().getColumnName(2))
                .expect("SQLException[22023]");

        k.group("ParameterMetaData");
        k.on("getParameterCount", x -> all(x.ps("SELECT ?::int + ?::int, ?::text").getParameterMetaData().getParameterCount(),
                x.ps("SELECT 1").getParameterMetaData().getParameterCount())).expect("[Integer:3, Integer:0]");
        k.on("parameter types inferred by the server", x -> {
            ParameterMetaData pm = x.ps("SELECT * FROM child WHERE id = ? AND note = ? AND amount > ?").getParameterMetaData();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= pm.getParameterCount(); i++) {
                out.add(pm.getParameterType(i) + "/" + pm.getParameterTypeName(i) + "/" + pm.getParameterClassName(i));
            }
            return out;
        });
        k.on("parameter mode and nullability", x -> {
            ParameterMetaData pm = x.ps("SELECT ?::int").getParameterMetaData();
            return all(pm.getParameterMode(1), pm.isNullable(1));
        });
        k.on("parameter index past the last", x -> x.ps("SELECT ?::int").getParameterMetaData().getParameterType(2))
                .expect("SQLException[22023]");

        k.group("DatabaseMetaData");
        meta(k, "getDatabaseProductName", DatabaseMetaData::getDatabaseProductName, "String:PostgreSQL");
        k.on("getDatabaseMajorVersion matches server_version_num", x -> {
            int major = x.c.getMetaData().getDatabaseMajorVersion();
            return major == Integer.parseInt(x.one("SHOW server_version_num").toString()) / 10000;
        }).expect("Boolean:true");
        meta(k, "getDatabaseProductVersion", DatabaseMetaData::getDatabaseProductVersion, null);
        meta(k, "getJDBCMajorVersion", DatabaseMetaData::getJDBCMajorVersion, "Integer:4");
        meta(k, "getUserName", DatabaseMetaData::getUserName, "String:tusk_trust");
        meta(k, "getIdentifierQuoteString", DatabaseMetaData::getIdentifierQuoteString, "String:\"");
        meta(k, "identifier case rules", m -> all(m.storesLowerCaseIdentifiers(), m.storesUpperCaseIdentifiers(),
                m.storesMixedCaseIdentifiers(), m.supportsMixedCaseIdentifiers(), m.storesMixedCaseQuotedIdentifiers(),
                m.supportsMixedCaseQuotedIdentifiers(), m.storesLowerCaseQuotedIdentifiers()),
                "[Boolean:true, Boolean:false, Boolean:false, Boolean:false, Boolean:false, Boolean:true, Boolean:false]");
        meta(k, "getSearchStringEscape", DatabaseMetaData::getSearchStringEscape, "String:\\");
        meta(k, "getExtraNameCharacters", DatabaseMetaData::getExtraNameCharacters, "String:");
        meta(k, "terms and separator", m -> all(m.getSchemaTerm(), m.getProcedureTerm(), m.getCatalogTerm(), m.getCatalogSeparator()),
                null);
        meta(k, "getMaxColumnNameLength", DatabaseMetaData::getMaxColumnNameLength, "Integer:63");
        meta(k, "getDefaultTransactionIsolation", DatabaseMetaData::getDefaultTransactionIsolation, "Integer:2");
        meta(k, "getSQLStateType", DatabaseMetaData::getSQLStateType, "Integer:2");
        meta(k, "transactions and savepoints supported", m -> all(m.supportsTransactions(), m.supportsSavepoints(),
                m.supportsDataDefinitionAndDataManipulationTransactions(), m.dataDefinitionCausesTransactionCommit(),
                m.supportsMultipleTransactions()), "[Boolean:true, Boolean:true, Boolean:true, Boolean:false, Boolean:true]");
        meta(k, "isolation levels supported", m -> all(m.supportsTransactionIsolationLevel(Connection.TRANSACTION_NONE),
                m.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_UNCOMMITTED),
                m.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED),
                m.supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ),
                m.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE)),
                "[Boolean:false, Boolean:true, Boolean:true, Boolean:true, Boolean:true]");
        meta(k, "batches, generated keys, multiple results", m -> all(m.supportsBatchUpdates(), m.supportsGetGeneratedKeys(),
                m.supportsMultipleResultSets(), m.supportsMultipleOpenResults(), m.supportsNamedParameters()), null);
        meta(k, "result set types", m -> all(m.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY),
                m.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE), m.supportsResultSetType(ResultSet.TYPE_SCROLL_SENSITIVE),
                m.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)),
                "[Boolean:true, Boolean:true, Boolean:false, Boolean:true]");
        meta(k, "holdability", m -> all(m.getResultSetHoldability(), m.supportsResultSetHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT),
                m.supportsResultSetHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT)), null);
        meta(k, "SQL grammar support", m -> all(m.supportsOuterJoins(), m.supportsFullOuterJoins(), m.supportsLimitedOuterJoins(),
                m.supportsUnion(), m.supportsUnionAll(), m.supportsGroupBy(), m.supportsCorrelatedSubqueries(),
                m.supportsANSI92EntryLevelSQL(), m.supportsANSI92FullSQL(), m.supportsAlterTableWithAddColumn(),
                m.supportsAlterTableWithDropColumn(), m.supportsLikeEscapeClause(), m.supportsStoredProcedures()), null);
        meta(k, "schemas and catalogs in statements", m -> all(m.supportsSchemasInTableDefinitions(),
                m.supportsSchemasInDataManipulation(), m.supportsCatalogsInTableDefinitions(), m.supportsCatalogsInDataManipulation()),
                "[Boolean:true, Boolean:true, Boolean:false, Boolean:false]");
        meta(k, "NULL sorting", m -> all(m.nullsAreSortedHigh(), m.nullsAreSortedLow(), m.nullsAreSortedAtStart(),
                m.nullsAreSortedAtEnd(), m.nullPlusNonNullIsNull()), null);
        meta(k, "misc answers", m -> all(m.isReadOnly(), m.usesLocalFiles(), m.allTablesAreSelectable(), m.locatorsUpdateCopy(),
                m.supportsStatementPooling(), m.autoCommitFailureClosesAllResultSets(), m.generatedKeyAlwaysReturned()), null);
        meta(k, "getMetaData().getConnection() is the connection", m -> m.getConnection() == null ? "null" : "present", "String:present");
        meta(k, "getTables: tables and views named parent%", m -> Obs.rows(m.getTables(null, "public", "parent%", null),
                "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS"),
                "String:rows[(public,parent_name_key,INDEX,null); (public,parent_pkey,INDEX,null); (public,parent_id_seq,SEQUENCE,null);"
                + " (public,parent,TABLE,the parents); (public,parent_names,VIEW,null)]");
        meta(k, "getTables: type filter VIEW", m -> Obs.rows(m.getTables(null, "public", "%", new String[] {"VIEW"}), "TABLE_NAME"),
                "String:rows[(parent_names)]");
        meta(k, "getTables: a serial column's sequence", m -> Obs.rows(m.getTables(null, "public", "child_id_seq", new String[] {"SEQUENCE"}),
                "TABLE_NAME", "TABLE_TYPE"), "String:rows[(child_id_seq,SEQUENCE)]");
        meta(k, "getColumns of child", m -> Obs.rows(m.getColumns(null, "public", "child", null), "COLUMN_NAME", "DATA_TYPE",
                "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS", "NULLABLE", "COLUMN_DEF", "ORDINAL_POSITION", "IS_NULLABLE",
                "IS_AUTOINCREMENT"), null);
        meta(k, "getColumns of types (every fixture type)", m -> Obs.rows(m.getColumns(null, "public", "types", null), "COLUMN_NAME",
                "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS"), null);
        meta(k, "getColumns with a column pattern", m -> Obs.rows(m.getColumns(null, "public", "child", "p%"), "COLUMN_NAME"),
                "String:rows[(parent_id)]");
        meta(k, "getPrimaryKeys of parent", m -> Obs.rows(m.getPrimaryKeys(null, "public", "parent"), "TABLE_NAME", "COLUMN_NAME",
                "KEY_SEQ", "PK_NAME"), "String:rows[(parent,id,1,parent_pkey)]");
        meta(k, "getImportedKeys of child", m -> Obs.rows(m.getImportedKeys(null, "public", "child"), "PKTABLE_NAME", "PKCOLUMN_NAME",
                "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY"),
                "String:rows[(parent,id,child,parent_id,1,3,3,child_parent_id_fkey,parent_pkey,7)]");
        meta(k, "getExportedKeys of parent", m -> Obs.rows(m.getExportedKeys(null, "public", "parent"), "PKTABLE_NAME",
                "FKTABLE_NAME", "FKCOLUMN_NAME"), "String:rows[(parent,child,parent_id)]");
        meta(k, "getCrossReference parent -> child", m -> Obs.rows(m.getCrossReference(null, "public", "parent", null, "public", "child"),
                "PKCOLUMN_NAME", "FKCOLUMN_NAME", "FK_NAME"), "String:rows[(id,parent_id,child_parent_id_fkey)]");
        meta(k, "getIndexInfo of child", m -> Obs.rows(m.getIndexInfo(null, "public", "child", false, false), "NON_UNIQUE",
                "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC"), null);
        meta(k, "getIndexInfo of parent, unique only", m -> Obs.rows(m.getIndexInfo(null, "public", "parent", true, false),
                "NON_UNIQUE", "INDEX_NAME", "COLUMN_NAME"), null);
        meta(k, "getSchemas (without sessions' temporary schemas)", m -> {
            ResultSet rs = m.getSchemas();
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                String s = rs.getString("TABLE_SCHEM");
                if (!s.startsWith("pg_temp_") && !s.startsWith("pg_toast_temp_")) {
                    out.add(s + "/" + rs.getString("TABLE_CATALOG"));
                }
            }
            rs.close();
            return out;
        }, null);
        meta(k, "getSchemas with a pattern", m -> Obs.rows(m.getSchemas(null, "Odd%"), "TABLE_SCHEM"), "String:rows[(Odd Schema)]");
        meta(k, "getCatalogs is the one database", m -> {
            ResultSet rs = m.getCatalogs();
            int n = 0;
            while (rs.next()) {
                n++;
            }
            rs.close();
            return n;
        }, null);
        meta(k, "getTableTypes", m -> Obs.rows(m.getTableTypes(), "TABLE_TYPE"), null);
        meta(k, "getTypeInfo of common types", m -> {
            ResultSet rs = m.getTypeInfo();
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                String name = rs.getString("TYPE_NAME");
                if (List.of("int4", "int8", "text", "bool", "numeric", "bytea", "timestamptz", "uuid", "jsonb", "mood").contains(name)) {
                    out.add(name + "=" + rs.getInt("DATA_TYPE"));
                }
            }
            rs.close();
            return out;
        }, null);
        meta(k, "getFunctions add_one", m -> Obs.rows(m.getFunctions(null, "public", "add_one"), "FUNCTION_SCHEM", "FUNCTION_NAME",
                "FUNCTION_TYPE"), null);
        meta(k, "getProcedures double_it", m -> Obs.rows(m.getProcedures(null, "public", "double_it"), "PROCEDURE_NAME",
                "PROCEDURE_TYPE"), null);
        meta(k, "getProcedureColumns sum_prod", m -> Obs.rows(m.getProcedureColumns(null, "public", "sum_prod", null), "COLUMN_NAME",
                "COLUMN_TYPE", "DATA_TYPE", "TYPE_NAME"), null);
        meta(k, "getFunctionColumns shout", m -> Obs.rows(m.getFunctionColumns(null, "public", "shout", null), "COLUMN_NAME",
                "COLUMN_TYPE", "DATA_TYPE", "TYPE_NAME"), null);
        meta(k, "getTablePrivileges of parent", m -> {
            // PostgreSQL 17 added MAINTAIN, which pgjdbc 42.7.4 does not list yet: left out of the comparison.
            ResultSet rs = m.getTablePrivileges(null, "public", "parent");
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                if (!"MAINTAIN".equals(rs.getString("PRIVILEGE"))) {
                    out.add(rs.getString("GRANTEE") + "," + rs.getString("PRIVILEGE") + "," + rs.getString("IS_GRANTABLE"));
                }
            }
            rs.close();
            return out;
        }, null);
        meta(k, "getUDTs of a schema", m -> Obs.rows(m.getUDTs(null, "Odd Schema", "%", null), "TYPE_SCHEM", "TYPE_NAME", "DATA_TYPE"),
                null);
        meta(k, "getSQLKeywords", DatabaseMetaData::getSQLKeywords, null);
        meta(k, "getStringFunctions", DatabaseMetaData::getStringFunctions, null);
        meta(k, "getNumericFunctions", DatabaseMetaData::getNumericFunctions, null);
    }

    private static void rsmd(Catalog k, String name, Column col) {
        k.on(name + " of a join with expressions", x -> {
            ResultSetMetaData md = x.keep(x.st().executeQuery(JOIN)).getMetaData();
            List<Object> out = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                int index = i;
                out.add(Obs.attempt(() -> col.of(md, index)));
            }
            return out;
        });
    }

    private static void meta(Catalog k, String name, Meta m, String expected) {
        k.on(name, x -> m.of(x.c.getMetaData()));
        if (expected != null) {
            k.expect(expected);
        }
    }
}
