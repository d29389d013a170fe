package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ResultSetMetaData answers as pgjdbc's for the same SELECT on the same server. */
@PgTest
class ResultSetMetaDataIT {
    private static final String TABLE = "CREATE TABLE IF NOT EXISTS rsmd_all ("
            + " id serial PRIMARY KEY, big bigserial, ident int GENERATED ALWAYS AS IDENTITY,"
            + " s int2 NOT NULL DEFAULT 1, i int4, l int8, n numeric(10,3), nn numeric, r float4, d float8, m money,"
            + " t text NOT NULL DEFAULT '', vc varchar(20), c char(5), ch \"char\", nm name, b bool, by bytea,"
            + " dt date, tm time, tm3 time(3), ttz timetz, ts timestamp, ts0 timestamp(0), tstz timestamptz, iv interval,"
            + " u uuid, j json, jb jsonb, x xml, ia int4[], ta text[], bt bit(3), vb varbit(8), pt point, ir int4range,"
            + " ine inet, mood rsmd_mood, card rsmd_card, pos rsmd_pos NOT NULL DEFAULT 1)";

    private static void schema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN"
                    + " CREATE TYPE rsmd_mood AS ENUM ('sad', 'ok');"
                    + " CREATE TYPE rsmd_card AS (value int, suit text);"
                    + " CREATE DOMAIN rsmd_pos AS int NOT NULL CHECK (VALUE > 0);"
                    + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            s.execute(TABLE);
        }
    }

    /** Every ResultSetMetaData answer of every column, as text, for comparing two drivers. */
    private static List<String> describe(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.add(md.getColumnLabel(i) + ": name=" + md.getColumnName(i) + " type=" + md.getColumnType(i)
                        + " typeName=" + md.getColumnTypeName(i) + " precision=" + md.getPrecision(i) + " scale=" + md.getScale(i)
                        + " displaySize=" + md.getColumnDisplaySize(i) + " nullable=" + md.isNullable(i)
                        + " autoIncrement=" + md.isAutoIncrement(i) + " signed=" + md.isSigned(i)
                        + " caseSensitive=" + md.isCaseSensitive(i) + " currency=" + md.isCurrency(i)
                        + " searchable=" + md.isSearchable(i) + " table=" + md.getTableName(i) + " schema=" + md.getSchemaName(i)
                        + " catalog=" + md.getCatalogName(i) + " readOnly=" + md.isReadOnly(i) + " writable=" + md.isWritable(i)
                        + " definitelyWritable=" + md.isDefinitelyWritable(i));
            }
        }
        return out;
    }

    @Test
    void everyAnswerMatchesPgjdbcForEveryCommonColumnType(TestDatabase db) throws Exception {
        try (Connection pg = ResultSetTesting.pgjdbc(db); Connection tusk = ResultSetTesting.tusk(db)) {
            pg.setAutoCommit(true);
            schema(pg);
            String sql = "SELECT *, 1 AS one, 'x'::text AS expr, NULL AS nothing, ROW(1, 'a') AS rec, 2.5::numeric(4,1) AS cast_num"
                    + " FROM rsmd_all";
            List<String> expected = describe(pg, sql);
            List<String> actual = describe(tusk, sql);
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), actual.get(i));
            }
        }
    }

    @Test
    void columnClassNamesAreTheClassesGetObjectReturns(TestDatabase db) throws Exception {
        try (Connection pg = ResultSetTesting.pgjdbc(db); Connection tusk = ResultSetTesting.tusk(db)) {
            pg.setAutoCommit(true);
            schema(pg);
            String sql = "SELECT s, i, l, n, r, d, t, vc, c, b, by, dt, tm, ts, tstz, ia, u, j, iv FROM rsmd_all";
            // pgjdbc's PGobject classes have no equal in Tusk: Tusk names its own types instead,
            // and uuid the class getObject returns (pgjdbc says java.lang.Object there).
            Set<String> differ = Set.of("u", "j", "iv");
            try (Statement ps = pg.createStatement(); ResultSet pr = ps.executeQuery(sql);
                 Statement ts = tusk.createStatement(); ResultSet tr = ts.executeQuery(sql)) {
                for (int i = 1; i <= pr.getMetaData().getColumnCount(); i++) {
                    String label = pr.getMetaData().getColumnLabel(i);
                    if (!differ.contains(label)) {
                        assertEquals(pr.getMetaData().getColumnClassName(i), tr.getMetaData().getColumnClassName(i), label);
                    }
                }
                assertEquals("java.util.UUID", tr.getMetaData().getColumnClassName(17));
                assertEquals("io.tusk.types.Json", tr.getMetaData().getColumnClassName(18));
                assertEquals("io.tusk.types.Interval", tr.getMetaData().getColumnClassName(19));
            }
        }
    }

    @Test
    void serialAndNotNullAreReadFromTheTable(TestDatabase db) throws Exception {
        try (Connection pg = ResultSetTesting.pgjdbc(db); Connection tusk = ResultSetTesting.tusk(db)) {
            pg.setAutoCommit(true);
            schema(pg);
            try (Statement s = tusk.createStatement(); ResultSet rs = s.executeQuery("SELECT id, big, ident, t, vc, pos, 1 AS k FROM rsmd_all")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals("serial", md.getColumnTypeName(1));
                assertEquals("bigserial", md.getColumnTypeName(2));
                assertTrue(md.isAutoIncrement(3));
                assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(4));
                assertEquals(ResultSetMetaData.columnNullable, md.isNullable(5));
                assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(6));
                assertEquals(ResultSetMetaData.columnNullableUnknown, md.isNullable(7));
                assertEquals("rsmd_all", md.getTableName(1));
                assertEquals("", md.getTableName(7));
                assertEquals(Types.INTEGER, md.getColumnType(1));
                SQLException e = assertThrows(SQLException.class, () -> md.getColumnType(8));
                assertEquals("22023", e.getSQLState());
            }
        }
    }
}
