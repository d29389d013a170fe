package io.tusk.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code tusk sql} shows what psql shows: every built-in type's value in CSV and in the aligned
 * table equals psql's output for the same query (psql 15 run as a process against the test
 * server, as a user would compare them); JSON output read back with Jackson.
 */
@PgTest
class SqlLikePsqlIT {
    /** One value of every built-in type, with the awkward ones (NaN, infinity, quotes, commas, line breaks). */
    private static final String EVERY_TYPE = String.join(",\n",
            "SELECT true AS bool, 32767::int2 AS int2, '-2147483648'::int4 AS int4, 9223372036854775807::int8 AS int8",
            "12345678901234567890.000100::numeric AS numeric, 'NaN'::numeric AS numeric_nan",
            "1.5::float4 AS float4, 'NaN'::float8 AS float8_nan, '-Infinity'::float8 AS float8_inf, 1e-300::float8 AS float8_small",
            "0.1::float8 + 0.2 AS float8_sum, 12.34::money AS money",
            "'a, \"b\"' AS text_commas, E'two\\nlines' AS text_lines, 'x'::char(3) AS bpchar, 'v'::varchar(4) AS varchar",
            "'nm'::name AS name, '\\x00ff'::bytea AS bytea, '\"quoted\"' AS quotes, '' AS empty, NULL::text AS null_text",
            "'2024-02-29'::date AS date, 'infinity'::date AS date_inf, '13:14:15.5'::time AS time, '13:14:15+02'::timetz AS timetz",
            "'2024-02-29 13:14:15.123456'::timestamp AS timestamp, '-infinity'::timestamp AS timestamp_ninf",
            "'2024-02-29 13:14:15+00'::timestamptz AS timestamptz, 'infinity'::timestamptz AS timestamptz_inf",
            "'1 year 2 mons 3 days 04:05:06.7'::interval AS interval, '-1 day +02:00'::interval AS interval_mixed",
            "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS uuid",
            "'{\"b\": [1, 2.5, null], \"a\": {\"x\": \"y\"}}'::jsonb AS jsonb, '{\"keep\" :  \"spacing\"}'::json AS json",
            "'<a>x</a>'::xml AS xml, '192.168.0.1/24'::inet AS inet, '10.0.0.0/8'::cidr AS cidr",
            "'08:00:2b:01:02:03'::macaddr AS macaddr, '08:00:2b:01:02:03:04:05'::macaddr8 AS macaddr8",
            "'(1,2)'::point AS point, '{1,2,3}'::line AS line, '[(0,0),(1,1)]'::lseg AS lseg, '(1,1),(0,0)'::box AS box",
            "'((0,0),(1,1),(2,0))'::path AS path, '((0,0),(1,1),(2,0))'::polygon AS polygon, '<(1,1),2>'::circle AS circle",
            "B'1010'::bit(4) AS bit, B'101'::varbit AS varbit",
            "'a fat cat'::tsvector AS tsvector, 'fat & cat'::tsquery AS tsquery",
            "'[1,5)'::int4range AS int4range, '(1.5,2.5]'::numrange AS numrange, 'empty'::daterange AS daterange_empty",
            "'[2024-01-01 00:00:00+00,)'::tstzrange AS tstzrange, 42::oid AS oid, 'pg_class'::regclass AS regclass",
            "'int4'::regtype AS regtype, '16/B374D848'::pg_lsn AS pg_lsn, '1 2 3'::int2vector AS int2vector",
            "ARRAY['a,b', 'c\"d', NULL, 'NULL', ''] AS text_array, ARRAY[[1,2],[3,NULL]] AS int_array_2d",
            "ARRAY['(1,1),(0,0)'::box, '(2,2),(1,1)'] AS box_array, ARRAY['{\"k\": 1}'::jsonb] AS jsonb_array",
            "'[0:1]={7,8}'::int[] AS int_array_bounds, ARRAY['NaN'::numeric, 1.5] AS numeric_array",
            "ROW(1, 'a b', NULL)::cli_psql_row AS composite, 'sad'::cli_psql_mood AS enum, 5::cli_psql_positive AS domain",
            "'日本語' AS cjk, 'e\u0301' AS combining, '\uD83D\uDC18' AS emoji");

    private static final String EVERY_TYPE_14 = "SELECT 'Infinity'::numeric AS numeric_inf, '{[1,2),[5,6)}'::int4multirange AS multirange";

    private static String dsn;
    private static List<String> psql;

    @BeforeAll
    static void setUp(TestDatabase db) {
        db.admin().execute("DROP TYPE IF EXISTS cli_psql_row, cli_psql_mood; DROP DOMAIN IF EXISTS cli_psql_positive;"
                + " CREATE TYPE cli_psql_row AS (a int, b text, c text); CREATE TYPE cli_psql_mood AS ENUM ('sad', 'ok');"
                + " CREATE DOMAIN cli_psql_positive AS int CHECK (VALUE > 0)");
        dsn = db.conninfo(PgUsers.TRUST);
        psql = List.of(psqlPath(), "-X", "-h", db.host(), "-p", String.valueOf(db.port()), "-U", PgUsers.TRUST, "-d", db.dbname());
    }

    private static String psqlPath() {
        for (String p : List.of("/usr/bin/psql", "/usr/local/bin/psql")) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        assumeTrue(false, "psql is not installed (.ci/run installs Debian's postgresql-client)");
        return null;
    }

    private static Cli.Result psql(String... args) {
        List<String> command = new ArrayList<>(psql);
        command.addAll(List.of(args));
        Cli.Result r = Cli.exec(command, null);
        assertEquals(0, r.exit(), r::toString);
        return r;
    }

    private static Cli.Result tusk(String... args) {
        List<String> command = new ArrayList<>(List.of("sql", "--dsn", dsn));
        command.addAll(List.of(args));
        Cli.Result r = Cli.run(command.toArray(String[]::new));
        assertEquals(0, r.exit(), r::toString);
        return r;
    }

    private static boolean atLeast14(TestDatabase db) {
        return Integer.parseInt(db.admin().queryScalar("SHOW server_version_num")) >= 140000;
    }

    @Test
    void csvOfEveryBuiltInTypeEqualsPsqls(TestDatabase db) {
        assertEquals(psql("--csv", "-c", EVERY_TYPE).out(), tusk("-f", "csv", EVERY_TYPE).out());
        if (atLeast14(db)) {
            assertEquals(psql("--csv", "-c", EVERY_TYPE_14).out(), tusk("-f", "csv", EVERY_TYPE_14).out());
        }
    }

    @Test
    void csvEqualsPsqlsUnalignedOutputForValuesWithoutCommasOrQuotes() {
        // psql -A -F, quotes nothing: where no value needs quoting it is CSV without the footer.
        String plain = "SELECT 'NaN'::numeric AS n, 'infinity'::timestamptz AS t, '1 day 2 hours'::interval AS i,"
                + " ARRAY[7] AS a, '\\x0102'::bytea AS b, 'Infinity'::float8 AS f, false AS ok, NULL AS z";
        String theirs = psql("-A", "-F,", "-c", plain).out();
        assertEquals(theirs.substring(0, theirs.lastIndexOf("(1 row)")), tusk("-f", "csv", plain).out());
    }

    @Test
    void alignedTableEqualsPsqls(TestDatabase db) {
        assertEquals(psql("-c", EVERY_TYPE).out(), tusk(EVERY_TYPE).out());
        String wide = "SELECT * FROM (VALUES (1, '漢字', E'a\\nbcd'), (22, '\uD83D\uDC18x', 'tab\there'), (333, 'ｱｲ', NULL)) v(n, \"名前\", note)";
        assertEquals(psql("-c", wide).out(), tusk(wide).out());
    }

    @Test
    void jsonMapsNumbersJsonArraysAndNullAndIsOneDocument() throws Exception {
        String out = tusk("-f", "json", EVERY_TYPE).out();
        assertTrue(out.contains("\"numeric\": 12345678901234567890.000100,"), () -> "the server's digits, as a number: " + out);
        // Floats as BigDecimal: Jackson would otherwise read numbers through double.
        JsonNode rows = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(out);
        assertTrue(rows.isArray(), rows::toString);
        JsonNode r = rows.get(0);
        assertTrue(r.get("bool").isBoolean() && r.get("bool").booleanValue());
        assertEquals(9223372036854775807L, r.get("int8").longValue());
        assertTrue(r.get("int8").isIntegralNumber());
        assertEquals(0, new java.math.BigDecimal("12345678901234567890.0001").compareTo(r.get("numeric").decimalValue()),
                "numerics stay exact");
        assertEquals("NaN", r.get("numeric_nan").textValue());
        assertEquals("NaN", r.get("float8_nan").textValue());
        assertEquals("-Infinity", r.get("float8_inf").textValue());
        assertEquals(1e-300, r.get("float8_small").doubleValue());
        assertEquals("$12.34", r.get("money").textValue());
        assertTrue(r.get("null_text").isNull());
        assertEquals("infinity", r.get("timestamptz_inf").textValue());
        assertEquals("1 year 2 mons 3 days 04:05:06.7", r.get("interval").textValue());
        assertEquals(2.5, r.get("jsonb").get("b").get(1).doubleValue(), "jsonb is nested JSON");
        assertEquals("y", r.get("jsonb").get("a").get("x").textValue());
        assertEquals("spacing", r.get("json").get("keep").textValue());
        JsonNode texts = r.get("text_array");
        assertEquals(5, texts.size(), texts::toString);
        assertEquals("a,b", texts.get(0).textValue());
        assertEquals("c\"d", texts.get(1).textValue());
        assertTrue(texts.get(2).isNull());
        assertEquals("NULL", texts.get(3).textValue(), "a quoted NULL is the string");
        assertEquals("", texts.get(4).textValue());
        assertEquals(3, r.get("int_array_2d").get(1).get(0).intValue());
        assertTrue(r.get("int_array_2d").get(1).get(1).isNull());
        assertEquals("(2,2),(1,1)", r.get("box_array").get(1).textValue(), "box arrays are separated by ';'");
        assertEquals(1, r.get("jsonb_array").get(0).get("k").intValue());
        assertEquals(8, r.get("int_array_bounds").get(1).intValue());
        assertEquals("NaN", r.get("numeric_array").get(0).textValue());
        assertEquals(1.5, r.get("numeric_array").get(1).doubleValue());
        assertEquals(5, r.get("domain").intValue(), "a domain maps as its base type");
        assertEquals("1 2 3", r.get("int2vector").textValue());
        assertEquals("日本語", r.get("cjk").textValue());

        JsonNode doc = new ObjectMapper().readTree(tusk("-f", "json", "SELECT 1 AS a", "CREATE TEMP TABLE t_json ()",
                "SELECT 2 AS b UNION ALL SELECT 3").out());
        assertEquals("[[{\"a\":1}],[{\"b\":2},{\"b\":3}]]", doc.toString(), "several result sets: an array of them");
    }

    @Test
    void nothingAbortsOnValuesJavaCannotHold() {
        Cli.Result r = tusk("SELECT 'NaN'::numeric AS n, 'infinity'::timestamptz AS t, '-infinity'::date AS d");
        assertNotEquals(-1, r.out().indexOf("NaN | infinity | -infinity"), r::toString);
    }
}
