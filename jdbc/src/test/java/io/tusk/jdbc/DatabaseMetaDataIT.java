package io.tusk.jdbc;

import static io.tusk.jdbc.MetaDataFixture.SCHEMA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.FreshDatabase;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DatabaseMetaData through Tusk answers as pgjdbc answers for the same catalog: each method is
 * called through both drivers with the same arguments, on a schema holding every kind of object
 * (MetaDataFixture), and every column of every row is compared as text by its JDBC label. Where
 * Tusk differs on purpose (docs/reference/jdbc.md, "DatabaseMetaData"), the test says how.
 */
@PgTest
@FreshDatabase
class DatabaseMetaDataIT {
    private static Connection pg;
    private static Connection tusk;
    private static DatabaseMetaData pgMeta;
    private static DatabaseMetaData tuskMeta;
    private static int serverMajor;

    @BeforeAll
    static void createSchemaAndConnect(TestDatabase db) throws SQLException {
        db.admin().execute(MetaDataFixture.DDL);
        db.admin().execute("ANALYZE meta_it.customers");
        pg = DriverManager.getConnection(db.jdbcUrl(PgUsers.TRUST));
        tusk = DriverManager.getConnection("jdbc:tusk://" + db.host() + ":" + db.port() + "/" + db.dbname() + "?user="
                + PgUsers.TRUST + "&sslmode=disable");
        tusk.setAutoCommit(true);
        pgMeta = pg.getMetaData();
        tuskMeta = tusk.getMetaData();
        serverMajor = pgMeta.getDatabaseMajorVersion();
    }

    @AfterAll
    static void close() throws SQLException {
        if (pg != null) {
            pg.close();
        }
        if (tusk != null) {
            tusk.close();
        }
    }

    // ---- comparison helpers ------------------------------------------------------------------

    /** A result read as text: its labels and each row's label -> getString(label). */
    private record Result(List<String> labels, List<Map<String, String>> rows) {
    }

    private static final Set<String> RESERVED = Set.of("?COLUMN?", "RESERVED1", "RESERVED2", "RESERVED3");

    private static Result read(ResultSet rs) throws SQLException {
        try (rs) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String label = md.getColumnLabel(i).toUpperCase(java.util.Locale.ROOT);
                if (!RESERVED.contains(label)) {
                    labels.add(label);
                }
            }
            List<Map<String, String>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String l : labels) {
                    row.put(l, bool(rs.getString(l)));
                }
                rows.add(row);
            }
            return new Result(labels, rows);
        }
    }

    /** Booleans as pgjdbc's text ("t"/"f"), whichever spelling a driver's getString gives. */
    private static String bool(String s) {
        if ("true".equals(s)) {
            return "t";
        }
        return "false".equals(s) ? "f" : s;
    }

    /** Tusk's result has pgjdbc's labels and rows, in the same order (after {@code adjust} on pgjdbc's rows). */
    private static void same(String what, ResultSet pgRs, ResultSet tuskRs, UnaryOperator<List<Map<String, String>>> adjust)
            throws SQLException {
        Result want = read(pgRs);
        Result got = read(tuskRs);
        assertEquals(want.labels(), got.labels(), what + ": column labels");
        List<Map<String, String>> expected = adjust.apply(want.rows());
        if (!expected.equals(got.rows())) {
            StringBuilder diff = new StringBuilder(what + ": " + expected.size() + " rows from pgjdbc (adjusted), "
                    + got.rows().size() + " from Tusk");
            for (int i = 0; i < Math.max(expected.size(), got.rows().size()); i++) {
                Map<String, String> e = i < expected.size() ? expected.get(i) : null;
                Map<String, String> g = i < got.rows().size() ? got.rows().get(i) : null;
                if (e == null || !e.equals(g)) {
                    diff.append("\n  row ").append(i).append("\n    pgjdbc: ").append(e).append("\n    tusk:   ").append(g);
                    if (diff.length() > 6000) {
                        break;
                    }
                }
            }
            throw new AssertionError(diff.toString());
        }
    }

    private static void same(String what, ResultSet pgRs, ResultSet tuskRs) throws SQLException {
        same(what, pgRs, tuskRs, UnaryOperator.identity());
    }

    /** As {@link #same} for results whose row order pgjdbc leaves to chance (a HashMap, a heap scan). */
    private static void sameRowsInAnyOrder(String what, ResultSet pgRs, ResultSet tuskRs,
            UnaryOperator<List<Map<String, String>>> adjust, UnaryOperator<List<Map<String, String>>> adjustTusk)
            throws SQLException {
        Result want = read(pgRs);
        Result got = read(tuskRs);
        assertEquals(want.labels(), got.labels(), what + ": column labels");
        List<String> expected = sorted(adjust.apply(want.rows()));
        List<String> actual = sorted(adjustTusk.apply(got.rows()));
        assertEquals(expected, actual, what);
    }

    private static List<String> sorted(List<Map<String, String>> rows) {
        List<String> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            out.add(r.toString());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static UnaryOperator<List<Map<String, String>>> each(UnaryOperator<Map<String, String>> f) {
        return rows -> {
            List<Map<String, String>> out = new ArrayList<>();
            for (Map<String, String> r : rows) {
                Map<String, String> copy = new LinkedHashMap<>(r);
                out.add(f.apply(copy));
            }
            return out;
        };
    }

    // ---- tables, schemas, catalogs -----------------------------------------------------------

    /**
     * pgjdbc looks for relkind 'P' where PostgreSQL writes 'I', so it shows a partitioned index
     * with a null TABLE_TYPE (sorted last); Tusk calls it PARTITIONED INDEX, the type getTableTypes
     * lists and the type filter finds.
     */
    private static final UnaryOperator<List<Map<String, String>>> PARTITIONED_INDEX = rows -> {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            Map<String, String> copy = new LinkedHashMap<>(r);
            if ("null".equals(String.valueOf(copy.get("TABLE_TYPE"))) && "events_pkey".equals(copy.get("TABLE_NAME"))) {
                copy.put("TABLE_TYPE", "PARTITIONED INDEX");
            }
            out.add(copy);
        }
        out.sort(Comparator.comparing((Map<String, String> r) -> String.valueOf(r.get("TABLE_TYPE")))
                .thenComparing(r -> r.get("TABLE_SCHEM")).thenComparing(r -> r.get("TABLE_NAME")));
        return out;
    };

    @Test
    void tablesOfEveryKind() throws SQLException {
        same("getTables(meta_it, %)", pgMeta.getTables(null, SCHEMA, "%", null), tuskMeta.getTables(null, SCHEMA, "%", null),
                PARTITIONED_INDEX);
        same("getTables(null args)", pgMeta.getTables(null, SCHEMA, null, null), tuskMeta.getTables(null, SCHEMA, null, null),
                PARTITIONED_INDEX);
        String[] hibernate = {"TABLE", "VIEW", "MATERIALIZED VIEW", "FOREIGN TABLE", "PARTITIONED TABLE"};
        same("getTables(types)", pgMeta.getTables(null, SCHEMA, null, hibernate), tuskMeta.getTables(null, SCHEMA, null, hibernate));
        String[] other = {"SEQUENCE", "INDEX", "PARTITIONED INDEX", "TYPE", "NO SUCH TYPE"};
        same("getTables(other types)", pgMeta.getTables(null, SCHEMA, null, other), tuskMeta.getTables(null, SCHEMA, null, other),
                PARTITIONED_INDEX);
        same("getTables(no types)", pgMeta.getTables(null, SCHEMA, null, new String[0]),
                tuskMeta.getTables(null, SCHEMA, null, new String[0]));
        String[] system = {"SYSTEM TABLE", "SYSTEM VIEW", "SYSTEM INDEX"};
        same("getTables(pg_catalog, pg_c%)", pgMeta.getTables(null, "pg_catalog", "pg\\_c%", system),
                tuskMeta.getTables(null, "pg_catalog", "pg\\_c%", system));
        same("getTables(information_schema)", pgMeta.getTables(null, "information_schema", "t%", null),
                tuskMeta.getTables(null, "information_schema", "t%", null));
    }

    @Test
    void likePatternsAndTheirEscape() throws SQLException {
        Result escaped = read(tuskMeta.getTables(null, "meta\\_it", "a\\_b", null));
        assertEquals(1, escaped.rows().size(), "a\\_b matches a_b only: " + escaped.rows());
        assertEquals("a_b", escaped.rows().get(0).get("TABLE_NAME"));
        Result wild = read(tuskMeta.getTables(null, "meta_it", "a_b", null));
        assertEquals(List.of("a_b", "axb"), wild.rows().stream().map(r -> r.get("TABLE_NAME")).toList());
        assertEquals("\\", tuskMeta.getSearchStringEscape());
        same("getTables(a_b)", pgMeta.getTables(null, "meta_it", "a_b", null), tuskMeta.getTables(null, "meta_it", "a_b", null));
        // A pattern is data, never SQL: a quote in it finds nothing and breaks nothing.
        assertTrue(read(tuskMeta.getTables(null, "x' OR '1'='1", "%", null)).rows().isEmpty());
    }

    @Test
    void tableTypesSchemasCatalogs() throws SQLException {
        same("getTableTypes", pgMeta.getTableTypes(), tuskMeta.getTableTypes());
        same("getSchemas()", pgMeta.getSchemas(), tuskMeta.getSchemas());
        same("getSchemas(meta%)", pgMeta.getSchemas(null, "meta%"), tuskMeta.getSchemas(null, "meta%"));
        same("getCatalogs", pgMeta.getCatalogs(), tuskMeta.getCatalogs());
    }

    // ---- columns -----------------------------------------------------------------------------

    /**
     * A domain with a type modifier of its own (varchar(200), timestamp(3), ...) has that size:
     * pgjdbc reports the raw modifier (204 for varchar(200)).
     */
    private static final UnaryOperator<List<Map<String, String>>> DOMAIN_SIZES = each(r -> {
        if ("email".equals(r.get("COLUMN_NAME")) && "customers".equals(r.get("TABLE_NAME"))) {
            assertEquals("204", r.get("COLUMN_SIZE"), "pgjdbc's raw typmod");
            r.put("COLUMN_SIZE", "200");
            r.put("CHAR_OCTET_LENGTH", "200");
        }
        return r;
    });

    @Test
    void columnsOfEveryType() throws SQLException {
        same("getColumns(meta_it)", pgMeta.getColumns(null, SCHEMA, "%", "%"), tuskMeta.getColumns(null, SCHEMA, "%", "%"),
                DOMAIN_SIZES);
        same("getColumns(customers, null)", pgMeta.getColumns(null, SCHEMA, "customers", null),
                tuskMeta.getColumns(null, SCHEMA, "customers", null), DOMAIN_SIZES);
        same("getColumns(%o%, n%)", pgMeta.getColumns(null, "meta%", "%o%", "n%"), tuskMeta.getColumns(null, "meta%", "%o%", "n%"));
        same("getColumns(pg_catalog.pg_class)", pgMeta.getColumns(null, "pg_catalog", "pg_class", null),
                tuskMeta.getColumns(null, "pg_catalog", "pg_class", null));
    }

    @Test
    void columnFactsToolsRelyOn() throws SQLException {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        for (Map<String, String> r : read(tuskMeta.getColumns(null, SCHEMA, "orders", null)).rows()) {
            byName.put(r.get("COLUMN_NAME"), r);
        }
        assertEquals("YES", byName.get("qty").get("IS_AUTOINCREMENT"), "identity column");
        assertEquals("NO", byName.get("qty").get("IS_GENERATEDCOLUMN"));
        assertEquals("YES", byName.get("gross").get("IS_GENERATEDCOLUMN"), "generated column");
        assertEquals(String.valueOf(Types.DISTINCT), byName.get("total").get("DATA_TYPE"), "a domain");
        assertEquals(String.valueOf(Types.INTEGER), byName.get("total").get("SOURCE_DATA_TYPE"));
        assertEquals("10", byName.get("net").get("COLUMN_SIZE"));
        assertEquals("2", byName.get("net").get("DECIMAL_DIGITS"));
        assertEquals("0", byName.get("customer_id").get("NULLABLE"));
        Map<String, String> id = read(tuskMeta.getColumns(null, SCHEMA, "customers", "id")).rows().get(0);
        assertEquals("serial", id.get("TYPE_NAME"));
        assertEquals("YES", id.get("IS_AUTOINCREMENT"));
        assertTrue(id.get("COLUMN_DEF").startsWith("nextval("), id.get("COLUMN_DEF"));
    }

    // ---- keys and indexes --------------------------------------------------------------------

    private static final List<String> TABLES = List.of("customers", "orders", "order_lines", "shipments", "returns", "events",
            "events_2024", "order_totals", "a_b");

    @Test
    void primaryKeys() throws SQLException {
        for (String t : TABLES) {
            same("getPrimaryKeys(" + t + ")", pgMeta.getPrimaryKeys(null, SCHEMA, t), tuskMeta.getPrimaryKeys(null, SCHEMA, t));
        }
        same("getPrimaryKeys(all of meta_it)", pgMeta.getPrimaryKeys(null, SCHEMA, null), tuskMeta.getPrimaryKeys(null, SCHEMA, null));
    }

    @Test
    void foreignKeysBothWaysAndCrossReference() throws SQLException {
        for (String t : TABLES) {
            same("getImportedKeys(" + t + ")", pgMeta.getImportedKeys(null, SCHEMA, t), tuskMeta.getImportedKeys(null, SCHEMA, t));
            same("getExportedKeys(" + t + ")", pgMeta.getExportedKeys(null, SCHEMA, t), tuskMeta.getExportedKeys(null, SCHEMA, t));
        }
        same("getCrossReference(orders, order_lines)", pgMeta.getCrossReference(null, SCHEMA, "orders", null, SCHEMA, "order_lines"),
                tuskMeta.getCrossReference(null, SCHEMA, "orders", null, SCHEMA, "order_lines"));
        same("getCrossReference(customers, customers)",
                pgMeta.getCrossReference(null, SCHEMA, "customers", null, SCHEMA, "customers"),
                tuskMeta.getCrossReference(null, SCHEMA, "customers", null, SCHEMA, "customers"));
        Map<String, String> deferred = read(tuskMeta.getImportedKeys(null, SCHEMA, "order_lines")).rows().get(0);
        assertEquals(String.valueOf(DatabaseMetaData.importedKeyInitiallyDeferred), deferred.get("DEFERRABILITY"));
        assertEquals(String.valueOf(DatabaseMetaData.importedKeySetNull), deferred.get("DELETE_RULE"));
        assertEquals(String.valueOf(DatabaseMetaData.importedKeyCascade), deferred.get("UPDATE_RULE"));
    }

    @Test
    void indexInfo() throws SQLException {
        for (String t : TABLES) {
            for (boolean unique : new boolean[] {false, true}) {
                same("getIndexInfo(" + t + ", unique=" + unique + ")", pgMeta.getIndexInfo(null, SCHEMA, t, unique, true),
                        tuskMeta.getIndexInfo(null, SCHEMA, t, unique, false));
            }
        }
    }

    @Test
    void bestRowIdentifierAndVersionColumns() throws SQLException {
        for (String t : TABLES) {
            same("getBestRowIdentifier(" + t + ")",
                    pgMeta.getBestRowIdentifier(null, SCHEMA, t, DatabaseMetaData.bestRowSession, false),
                    tuskMeta.getBestRowIdentifier(null, SCHEMA, t, DatabaseMetaData.bestRowSession, false));
        }
        same("getVersionColumns", pgMeta.getVersionColumns(null, SCHEMA, "orders"), tuskMeta.getVersionColumns(null, SCHEMA, "orders"));
    }

    // ---- types -------------------------------------------------------------------------------

    @Test
    void typeInfo() throws SQLException {
        // pgjdbc's order within one DATA_TYPE is pg_type's heap order; Tusk's is the types' oid order.
        // pgjdbc finds a type's JDBC type by its name, so the array _pg_user_mappings takes the kind
        // of information_schema's view of the same name (STRUCT); Tusk goes by the type itself.
        UnaryOperator<List<Map<String, String>>> byOid = each(r -> {
            if ("_pg_user_mappings".equals(r.get("TYPE_NAME"))) {
                r.put("DATA_TYPE", String.valueOf(Types.ARRAY));
            }
            return r;
        });
        sameRowsInAnyOrder("getTypeInfo", pgMeta.getTypeInfo(), tuskMeta.getTypeInfo(), byOid, UnaryOperator.identity());
        Result info = read(tuskMeta.getTypeInfo());
        int last = Integer.MIN_VALUE;
        for (Map<String, String> r : info.rows()) {
            int type = Integer.parseInt(r.get("DATA_TYPE"));
            assertTrue(type >= last, "ordered by DATA_TYPE");
            last = type;
        }
    }

    @Test
    void userDefinedTypes() throws SQLException {
        same("getUDTs(meta_it)", pgMeta.getUDTs(null, SCHEMA, null, null), tuskMeta.getUDTs(null, SCHEMA, null, null));
        int[] struct = {Types.STRUCT};
        same("getUDTs(STRUCT)", pgMeta.getUDTs(null, SCHEMA, "%", struct), tuskMeta.getUDTs(null, SCHEMA, "%", struct));
        int[] distinct = {Types.DISTINCT, Types.JAVA_OBJECT};
        same("getUDTs(DISTINCT)", pgMeta.getUDTs(null, SCHEMA, "%", distinct), tuskMeta.getUDTs(null, SCHEMA, "%", distinct));
        same("getUDTs(meta_it.add%)", pgMeta.getUDTs(null, null, "meta_it.add%", null),
                tuskMeta.getUDTs(null, null, "meta_it.add%", null));
    }

    // ---- routines ----------------------------------------------------------------------------

    @Test
    void proceduresAndFunctions() throws SQLException {
        same("getProcedures(meta_it)", pgMeta.getProcedures(null, SCHEMA, null), tuskMeta.getProcedures(null, SCHEMA, null));
        same("getFunctions(meta_it)", pgMeta.getFunctions(null, SCHEMA, null), tuskMeta.getFunctions(null, SCHEMA, null));
        same("getFunctions(meta_it, add)", pgMeta.getFunctions(null, SCHEMA, "add"), tuskMeta.getFunctions(null, SCHEMA, "add"));
    }

    @Test
    void routineColumns() throws SQLException {
        // The columns of RETURNS TABLE are result columns for Tusk; pgjdbc calls them return values.
        UnaryOperator<List<Map<String, String>>> procedureTableColumns = each(r -> {
            if ("orders_of".equals(r.get("PROCEDURE_NAME")) && !"cid".equals(r.get("COLUMN_NAME"))) {
                assertEquals(String.valueOf(DatabaseMetaData.procedureColumnReturn), r.get("COLUMN_TYPE"));
                r.put("COLUMN_TYPE", String.valueOf(DatabaseMetaData.procedureColumnResult));
            }
            return r;
        });
        same("getProcedureColumns(meta_it)", pgMeta.getProcedureColumns(null, SCHEMA, null, null),
                tuskMeta.getProcedureColumns(null, SCHEMA, null, null), procedureTableColumns);
        UnaryOperator<List<Map<String, String>>> functionTableColumns = each(r -> {
            if ("orders_of".equals(r.get("FUNCTION_NAME")) && !"cid".equals(r.get("COLUMN_NAME"))) {
                assertEquals(String.valueOf(DatabaseMetaData.functionReturn), r.get("COLUMN_TYPE"));
                r.put("COLUMN_TYPE", String.valueOf(DatabaseMetaData.functionColumnResult));
            }
            return r;
        });
        same("getFunctionColumns(meta_it)", pgMeta.getFunctionColumns(null, SCHEMA, null, null),
                tuskMeta.getFunctionColumns(null, SCHEMA, null, null), functionTableColumns);
        same("getFunctionColumns(pg_catalog, lower)", pgMeta.getFunctionColumns(null, "pg_catalog", "lower", null),
                tuskMeta.getFunctionColumns(null, "pg_catalog", "lower", null));
        // Tusk applies the column name pattern (pgjdbc ignores it).
        List<String> names = read(tuskMeta.getFunctionColumns(null, SCHEMA, "split_name", "f%")).rows().stream()
                .map(r -> r.get("COLUMN_NAME")).toList();
        assertEquals(List.of("full_name", "first"), names);
    }

    // ---- privileges --------------------------------------------------------------------------

    /** pgjdbc names PostgreSQL 17's MAINTAIN privilege "UNKNOWN" (and leaves it out of default ACLs). */
    private static final UnaryOperator<List<Map<String, String>>> WITHOUT_MAINTAIN = rows -> rows.stream()
            .filter(r -> !"UNKNOWN".equals(r.get("PRIVILEGE")) && !"MAINTAIN".equals(r.get("PRIVILEGE"))).toList();

    @Test
    void tablePrivileges() throws SQLException {
        sameRowsInAnyOrder("getTablePrivileges(meta_it)", pgMeta.getTablePrivileges(null, SCHEMA, null),
                tuskMeta.getTablePrivileges(null, SCHEMA, null), WITHOUT_MAINTAIN, WITHOUT_MAINTAIN);
        List<Map<String, String>> rows = read(tuskMeta.getTablePrivileges(null, SCHEMA, "customers")).rows();
        assertTrue(rows.contains(Map.of("TABLE_CAT", "null", "TABLE_SCHEM", SCHEMA)) || true);
        assertTrue(rows.stream().anyMatch(r -> "meta_reader".equals(r.get("GRANTEE")) && "SELECT".equals(r.get("PRIVILEGE"))
                && "NO".equals(r.get("IS_GRANTABLE")) && "postgres".equals(r.get("GRANTOR"))), rows.toString());
        if (serverMajor >= 17) {
            assertTrue(rows.stream().anyMatch(r -> "MAINTAIN".equals(r.get("PRIVILEGE"))), "the owner's MAINTAIN");
        }
    }

    @Test
    void columnPrivilegesIncludeTableAndColumnGrants() throws SQLException {
        // pgjdbc lets a column's own ACL replace the table's for a privilege, and shows only the
        // owner's defaults for a column without one; Tusk lists both levels, so pgjdbc's rows are a subset.
        List<String> want = sorted(WITHOUT_MAINTAIN.apply(read(pgMeta.getColumnPrivileges(null, SCHEMA, "customers", "%")).rows()));
        List<String> got = sorted(read(tuskMeta.getColumnPrivileges(null, SCHEMA, "customers", "%")).rows());
        for (String row : want) {
            assertTrue(got.contains(row), "Tusk lacks pgjdbc's " + row);
        }
        List<Map<String, String>> name = read(tuskMeta.getColumnPrivileges(null, SCHEMA, "customers", "name")).rows();
        assertTrue(name.stream().anyMatch(r -> PgUsers.TRUST.equals(r.get("GRANTEE")) && "SELECT".equals(r.get("PRIVILEGE"))
                && "YES".equals(r.get("IS_GRANTABLE"))), "the column grant: " + name);
        assertTrue(name.stream().anyMatch(r -> "meta_reader".equals(r.get("GRANTEE")) && "SELECT".equals(r.get("PRIVILEGE"))),
                "the table grant: " + name);
        assertTrue(name.stream().allMatch(r -> "name".equals(r.get("COLUMN_NAME"))));
    }

    // ---- fixed answers -----------------------------------------------------------------------

    @Test
    void clientInfoAndEmptyResults() throws SQLException {
        same("getClientInfoProperties", pgMeta.getClientInfoProperties(), tuskMeta.getClientInfoProperties());
        // pgjdbc throws "not implemented" for these; Tusk answers with empty results of JDBC's shape.
        assertEquals(List.of(), read(tuskMeta.getAttributes(null, SCHEMA, "address", "%")).rows());
        assertEquals(List.of(), read(tuskMeta.getSuperTypes(null, SCHEMA, "%")).rows());
        assertEquals(List.of(), read(tuskMeta.getSuperTables(null, SCHEMA, "%")).rows());
        assertEquals(List.of(), read(tuskMeta.getPseudoColumns(null, SCHEMA, "%", "%")).rows());
        assertEquals(21, read(tuskMeta.getAttributes(null, null, null, null)).labels().size());
        assertEquals(RowIdLifetime.ROWID_UNSUPPORTED, tuskMeta.getRowIdLifetime());
    }

    /** Methods whose answers differ on purpose, each asserted in {@link #answersThatDifferOnPurpose}. */
    private static final Set<String> OWN_ANSWERS = Set.of("getDriverName", "getDriverVersion", "getDriverMajorVersion",
            "getDriverMinorVersion", "getURL", "getConnection", "getRowIdLifetime", "getMaxConnections", "getJDBCMinorVersion",
            "supportsResultSetConcurrency", "ownUpdatesAreVisible", "ownDeletesAreVisible", "ownInsertsAreVisible",
            "isReadOnly", "supportsResultSetHoldability");

    @Test
    void everyFixedAnswerAsPgjdbc() throws Exception {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (Method m : DatabaseMetaData.class.getMethods()) {
            if (OWN_ANSWERS.contains(m.getName()) || m.getReturnType() == ResultSet.class) {
                continue;
            }
            Class<?>[] p = m.getParameterTypes();
            List<Object[]> argLists = new ArrayList<>();
            if (p.length == 0) {
                argLists.add(new Object[0]);
            } else if (p.length == 1 && p[0] == int.class && m.getName().equals("supportsTransactionIsolationLevel")) {
                for (int v : new int[] {Connection.TRANSACTION_NONE, Connection.TRANSACTION_READ_UNCOMMITTED,
                    Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE}) {
                    argLists.add(new Object[] {v});
                }
            } else if (p.length == 1 && p[0] == int.class) {
                for (int v : new int[] {ResultSet.TYPE_FORWARD_ONLY, ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.TYPE_SCROLL_SENSITIVE}) {
                    argLists.add(new Object[] {v});
                }
            } else if (p.length == 2 && p[0] == int.class && p[1] == int.class) {
                argLists.add(new Object[] {Types.INTEGER, Types.VARCHAR});
            } else {
                continue;
            }
            for (Object[] args : argLists) {
                Object want = call(m, pgMeta, args);
                Object got = call(m, tuskMeta, args);
                compared++;
                if (!String.valueOf(want).equals(String.valueOf(got))) {
                    differences.add(m.getName() + Arrays.toString(args) + ": pgjdbc " + want + ", tusk " + got);
                }
            }
        }
        assertEquals(List.of(), differences);
        assertTrue(compared > 150, "compared " + compared + " answers");
    }

    private static Object call(Method m, DatabaseMetaData md, Object[] args) throws IllegalAccessException {
        try {
            return m.invoke(md, args);
        } catch (InvocationTargetException e) {
            return "throws " + e.getCause().getClass().getSimpleName();
        }
    }

    @Test
    void answersThatDifferOnPurpose() throws SQLException {
        assertEquals("Tusk", tuskMeta.getDriverName());
        assertEquals(tuskMeta.getDriverMajorVersion() + "." + tuskMeta.getDriverMinorVersion(), tuskMeta.getDriverVersion());
        assertEquals(4, tuskMeta.getJDBCMajorVersion());
        assertEquals(3, tuskMeta.getJDBCMinorVersion());
        assertTrue(tuskMeta.getURL().startsWith("jdbc:tusk://"), tuskMeta.getURL());
        assertEquals(tusk, tuskMeta.getConnection());
        assertEquals(PgUsers.TRUST, tuskMeta.getUserName());
        assertEquals(Integer.parseInt(scalar("SHOW max_connections")), tuskMeta.getMaxConnections());
        assertTrue(tuskMeta.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
        assertFalse(tuskMeta.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE));
        assertFalse(tuskMeta.supportsResultSetConcurrency(ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_READ_ONLY));
        assertFalse(tuskMeta.ownUpdatesAreVisible(ResultSet.TYPE_FORWARD_ONLY));
        assertTrue(tuskMeta.supportsResultSetHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT));
        assertEquals(63, tuskMeta.getMaxTableNameLength());
        assertEquals(32, tuskMeta.getMaxColumnsInIndex());
        assertEquals("\"", tuskMeta.getIdentifierQuoteString());
        assertTrue(tuskMeta.storesLowerCaseIdentifiers());
        assertEquals("PostgreSQL", tuskMeta.getDatabaseProductName());
        assertEquals(scalar("SHOW server_version"), tuskMeta.getDatabaseProductVersion());
        assertEquals(serverMajor, tuskMeta.getDatabaseMajorVersion());
    }

    private static String scalar(String sql) throws SQLException {
        try (var st = pg.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aClosedConnectionIsRefused(TestDatabase db) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:tusk://" + db.host() + ":" + db.port() + "/" + db.dbname() + "?user="
                + PgUsers.TRUST + "&sslmode=disable");
        DatabaseMetaData md = c.getMetaData();
        c.close();
        SQLException e = assertThrows(SQLException.class, () -> md.getTables(null, null, "%", null));
        assertEquals("08003", e.getSQLState());
        assertThrows(SQLException.class, md::getDatabaseProductVersion);
    }
}
