package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.lang.reflect.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every getter on every common column type, through pgjdbc and through Tusk on the same SELECT:
 * the same value, or an error in both. The few answers that differ on purpose are listed
 * (and documented in the JDBC reference).
 */
@PgTest
class ValuesMatrixIT {
    static final String SELECT = "SELECT 1::int2 AS i2, 42::int4 AS i4, 9000000000::int8 AS i8, 12.50::numeric(6,2) AS num,"
            + " 1.5::float4 AS f4, 2.25::float8 AS f8, 'abc'::text AS txt, ' 7 '::varchar AS vc, 'ab'::char(4) AS bp,"
            + " true AS b, false AS bf, '\\x0102ff'::bytea AS by, '2024-02-29'::date AS dt, '13:14:15.123456'::time AS tm,"
            + " '2024-02-29 13:14:15.5'::timestamp AS ts, '12345'::text AS digits, '1'::text AS one, 'yes'::text AS yes,"
            + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u, ARRAY[1,2,NULL]::int4[] AS ia, ARRAY['x','y z']::text[] AS ta,"
            + " '{\"a\": 1}'::json AS j, 1.5e300::float8 AS huge, -0.000001::float8 AS tiny, 3000000000::int8 AS big,"
            + " NULL::int4 AS nul, 'NaN'::float8 AS nan, 0.1::float4 AS f4b, 100000000::float8 AS f8e, 1e20::float8 AS f8big";

    /** Types whose text form Tusk writes again from the loaded value: getString must give the server's text. */
    static final String TEXTS = "SELECT '2024-02-29 13:14:15.5+02'::timestamptz AS tstz, '13:14:15+05:30'::timetz AS ttz,"
            + " '1 year 2 mons -3 days 04:05:06.5'::interval AS iv1, '-1 day'::interval AS iv2, '00:00:00'::interval AS iv3,"
            + " '-04:05:00'::interval AS iv4, '192.168.0.1'::inet AS ine, '10.0.0.0/8'::cidr AS ci, '::1'::inet AS ine6,"
            + " '08:00:2b:01:02:03'::macaddr AS mac, '(1.5,2)'::point AS pt, '((1,2),(3,4))'::box AS bx, '[1.5,2.5)'::numrange AS nr,"
            + " '[2024-01-01 10:00,2024-01-02 00:00)'::tsrange AS tr, 'empty'::int4range AS er, B'101'::bit(3) AS bt,"
            + " B'1'::bit(1) AS bt1, 12.34::money AS m, '<a>x</a>'::xml AS x, '{\"b\": [1, 2]}'::jsonb AS jb,"
            + " ARRAY[1,2]::int2[] AS sa, ARRAY[[1,2],[3,4]] AS nested, ARRAY['a\"b', NULL, '', 'NULL', 'x,y']::text[] AS quoted,"
            + " ''::bytea AS eb, '0044-03-15 BC'::date AS bc, '12345-01-01'::date AS far, ROW(1, 'a b', NULL, '') AS rec,"
            + " 1e-5::float8 AS small, 123456789012345::float8 AS f15, 1234567890123456::float8 AS f16, 1e6::float4 AS f4big,"
            + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u, 'infinity'::float8 AS inf, -0.0::float8 AS negzero,"
            + " '2024-02-29 13:14:15'::timestamp(0) AS ts0, '10:00'::time AS tm0, 'Ab'::name AS nm, 'x'::\"char\" AS ch";

    static final String[] GETTERS = {"getString", "getInt", "getLong", "getShort", "getByte", "getBoolean", "getDouble",
        "getFloat", "getBigDecimal", "getBytes", "getDate", "getTime", "getTimestamp", "getObject"};

    /** What a getter answered, as comparable text: the value, or "error" when it raised. */
    static String answer(ResultSet rs, int i, String getter) {
        try {
            Object v = switch (getter) {
                case "getString" -> rs.getString(i);
                case "getInt" -> rs.getInt(i);
                case "getLong" -> rs.getLong(i);
                case "getShort" -> rs.getShort(i);
                case "getByte" -> rs.getByte(i);
                case "getBoolean" -> rs.getBoolean(i);
                case "getDouble" -> rs.getDouble(i);
                case "getFloat" -> rs.getFloat(i);
                case "getBigDecimal" -> rs.getBigDecimal(i);
                case "getBytes" -> rs.getBytes(i);
                case "getDate" -> rs.getDate(i);
                case "getTime" -> rs.getTime(i);
                case "getTimestamp" -> rs.getTimestamp(i);
                default -> rs.getObject(i);
            };
            return show(v) + (rs.wasNull() ? " (null)" : "");
        } catch (SQLException | RuntimeException e) {
            // pgjdbc lets some parse failures escape as RuntimeException; both count as refusing
            return "error";
        }
    }

    static String show(Object v) throws SQLException {
        if (v == null) {
            return "null";
        }
        if (v instanceof byte[] b) {
            return "bytes" + Arrays.toString(b);
        }
        if (v instanceof java.sql.Array a) {
            Object arr = a.getArray();
            List<String> items = new ArrayList<>();
            for (int k = 0; k < Array.getLength(arr); k++) {
                items.add(String.valueOf(Array.get(arr, k)));
            }
            return "Array " + a.getBaseTypeName() + " " + arr.getClass().getSimpleName() + items;
        }
        String cls = v.getClass().getName();
        if (cls.startsWith("org.postgresql.") || cls.startsWith("io.tusk.")) {
            cls = "driver type";
        }
        if (v instanceof java.sql.Time t) {
            return cls + " " + t + " ms=" + t.getTime();
        }
        return cls + " " + v;
    }

    /** Answers that differ from pgjdbc on purpose (column.getter). */
    static final Set<String> DIFFERENT = Set.of(
            // pgjdbc reads "-1e-06" as a date (year 5); Tusk refuses a float8 as a date
            "tiny.getDate",
            // pgjdbc's PGobject and Tusk's io.tusk.types.Json: both hold the JSON text
            "j.getObject");

    @Test
    void getStringIsTheServersTextForEveryType(TestDatabase db) throws Exception {
        List<String> mismatches = new ArrayList<>();
        try (Connection pg = ResultSetTesting.pgjdbc(db); Connection tusk = ResultSetTesting.tusk(db);
             Statement ps = pg.createStatement(); ResultSet pr = ps.executeQuery(TEXTS);
             Statement ts = tusk.createStatement(); ResultSet tr = ts.executeQuery(TEXTS)) {
            pr.next();
            tr.next();
            for (int i = 1; i <= pr.getMetaData().getColumnCount(); i++) {
                String expected = answer(pr, i, "getString");
                String actual = answer(tr, i, "getString");
                if (!expected.equals(actual)) {
                    mismatches.add(pr.getMetaData().getColumnLabel(i) + ": pgjdbc " + expected + " | tusk " + actual);
                }
            }
        }
        assertEquals("", String.join("\n", mismatches));
    }

    @Test
    void everyGetterAnswersAsPgjdbc(TestDatabase db) throws Exception {
        List<String> mismatches = new ArrayList<>();
        try (Connection pg = ResultSetTesting.pgjdbc(db); Connection tusk = ResultSetTesting.tusk(db);
             Statement ps = pg.createStatement(); ResultSet pr = ps.executeQuery(SELECT);
             Statement ts = tusk.createStatement(); ResultSet tr = ts.executeQuery(SELECT)) {
            pr.next();
            tr.next();
            for (int i = 1; i <= pr.getMetaData().getColumnCount(); i++) {
                String col = pr.getMetaData().getColumnLabel(i);
                for (String g : GETTERS) {
                    String expected = answer(pr, i, g);
                    String actual = answer(tr, i, g);
                    if (!expected.equals(actual) && !DIFFERENT.contains(col + "." + g)) {
                        mismatches.add(col + "." + g + ": pgjdbc " + expected + " | tusk " + actual);
                    }
                }
            }
        }
        assertEquals("", String.join("\n", mismatches));
    }
}
