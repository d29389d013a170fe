package io.tusk.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.Tusk;
import io.tusk.errors.DataException;
import io.tusk.errors.ProgrammingException;
import io.tusk.rows.Row;
import io.tusk.testkit.FreshDatabase;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import io.tusk.types.Composite;
import io.tusk.types.Multirange;
import io.tusk.types.Range;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Custom types registered from the catalog: enums, domains, composites, ranges, hstore. */
@PgTest
@FreshDatabase
class TypeInfoIT {
    enum Mood { SAD, OK, HAPPY }

    public record Card(int value, String suit, LocalDate dealtOn) {
    }

    @BeforeAll
    static void types(TestDatabase db) {
        db.admin().execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
        db.admin().execute("CREATE DOMAIN posint AS int4 CHECK (VALUE > 0)");
        db.admin().execute("CREATE TYPE card AS (value int4, suit text, dealt_on date)");
        db.admin().execute("CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi)");
        db.admin().execute("CREATE EXTENSION IF NOT EXISTS hstore");
    }

    private static Connection connect(TestDatabase db) {
        Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST));
        conn.setAutocommit(true);
        return conn;
    }

    /** The first value of {@code SELECT sql} with params, results in text then binary: both must equal. */
    private static Object both(Connection conn, String sql, Object... params) {
        Object text = null;
        for (boolean binary : new boolean[] {false, true}) {
            try (Cursor<Row> cur = conn.cursor()) {
                cur.setBinary(binary);
                Object[] ps = Arrays.copyOf(params, params.length + 1);
                ps[params.length] = 0;
                Object v = cur.execute(sql + ", %s", ps).fetchone().get(0);
                if (binary) {
                    assertEquals(text, v, sql + ": text and binary results differ");
                }
                text = v;
            }
        }
        return text;
    }

    @Test
    void fetchReadsTheCatalogAndReturnsTheKindOfType(TestDatabase db) {
        try (Connection conn = connect(db)) {
            EnumInfo mood = assertInstanceOf(EnumInfo.class, TypeInfo.fetch(conn, "mood"));
            assertEquals(List.of("sad", "ok", "happy"), mood.labels());
            assertTrue(mood.arrayOid() > 0);
            assertEquals("mood", mood.regtype());
            assertEquals(23, assertInstanceOf(DomainInfo.class, TypeInfo.fetch(conn, "posint")).baseOid());
            CompositeInfo card = CompositeInfo.fetch(conn, "card");
            assertEquals(List.of("value", "suit", "dealt_on"), card.fieldNames());
            assertEquals(List.of(23, 25, 1082), card.fieldTypes());
            assertEquals(701, RangeInfo.fetch(conn, "floatrange").subtypeOid());
            assertEquals(3904, RangeInfo.fetch(conn, "int4range").oid());
            assertNull(TypeInfo.fetch(conn, "no_such_type"));
            ProgrammingException e = assertThrows(ProgrammingException.class, () -> RangeInfo.fetch(conn, "mood"));
            assertTrue(e.getMessage().contains("mood is not a range type"), e.getMessage());
            assertEquals("box", TypeInfo.fetch(conn, "box").name());
            assertEquals(';', TypeInfo.fetch(conn, "box").delimiter());
        }
    }

    @Test
    void enumsLoadAsStringsOrAsJavaEnumsAndTheirArraysAsLists(TestDatabase db) {
        try (Connection conn = connect(db)) {
            EnumInfo info = EnumInfo.fetch(conn, "mood");
            info.register(conn.adapters());
            assertEquals("ok", both(conn, "SELECT 'ok'::mood"));
            assertEquals(List.of("sad", "happy"), both(conn, "SELECT ARRAY['sad', 'happy']::mood[]"));
            try (Cursor<Row> cur = conn.cursor()) {
                info.register(cur.adapters(), Mood.class);
                for (boolean binary : new boolean[] {false, true}) {
                    cur.setBinary(binary);
                    for (String p : new String[] {"%t", "%b"}) {
                        Row row = cur.execute("SELECT " + p + ", " + p + "::text, " + p, Mood.HAPPY, Mood.HAPPY,
                                List.of(Mood.SAD, Mood.OK)).fetchone();
                        assertEquals(List.of(Mood.HAPPY, "happy", List.of(Mood.SAD, Mood.OK)), row.toList());
                    }
                }
            }
            assertEquals("ok", both(conn, "SELECT 'ok'::mood"), "the cursor's registration stays on the cursor");
            assertEquals("SAD", conn.execute("SELECT %s::text", Mood.SAD).fetchone().get(0),
                    "unregistered Java enums are sent by name for the server to cast");
        }
    }

    @Test
    void enumLabelsWithoutAConstantAreRefusedAtRegistration(TestDatabase db) {
        enum Partial { SAD, OK }
        try (Connection conn = connect(db)) {
            ProgrammingException e = assertThrows(ProgrammingException.class,
                    () -> EnumInfo.fetch(conn, "mood").register(conn.adapters(), Partial.class));
            assertTrue(e.getMessage().contains("'happy'"), e.getMessage());
        }
    }

    @Test
    void domainsLoadAsTheirBaseTypeAndTheirArraysAsLists(TestDatabase db) {
        try (Connection conn = connect(db)) {
            assertEquals(5, both(conn, "SELECT 5::posint"), "a domain column is described with its base type");
            DomainInfo.fetch(conn, "posint").register(conn);
            assertEquals(List.of(1, 2), both(conn, "SELECT ARRAY[1, 2]::posint[]"));
            assertEquals(7, conn.execute("SELECT %s::posint", 7).fetchone().get(0));
        }
    }

    @Test
    void compositesLoadAsCompositeOrRecordsAndRoundTrip(TestDatabase db) {
        try (Connection conn = connect(db)) {
            CompositeInfo info = CompositeInfo.fetch(conn, "card");
            info.register(conn.adapters());
            Composite c = (Composite) both(conn, "SELECT (8, 'hearts \"q\" \\ (x)', '2024-02-29')::card");
            assertEquals(8, c.get("value"));
            assertEquals("hearts \"q\" \\ (x)", c.get(1));
            assertEquals(LocalDate.of(2024, 2, 29), c.get("dealt_on"));
            assertEquals(Arrays.asList(null, "", null), ((Composite) both(conn, "SELECT (NULL, '', NULL)::card")).values());
            assertEquals(2, ((List<?>) both(conn, "SELECT ARRAY[(1,'a',NULL)::card, (2,'b',NULL)::card]")).size());
            Composite sent = Composite.of("card", info.fieldNames(), Arrays.asList(9, "spades, \"x\"", null));
            for (String p : new String[] {"%t", "%b"}) {
                assertEquals(sent, conn.execute("SELECT " + p, sent).fetchone().get(0));
                assertEquals("(9,\"spades, \"\"x\"\"\",)", conn.execute("SELECT " + p + "::text", sent).fetchone().get(0));
            }

            try (Cursor<Row> cur = conn.cursor()) {
                info.register(cur.adapters(), Card.class);
                Card card = new Card(8, "hearts", LocalDate.of(2020, 1, 1));
                for (boolean binary : new boolean[] {false, true}) {
                    cur.setBinary(binary);
                    for (String p : new String[] {"%t", "%b"}) {
                        Row row = cur.execute("SELECT " + p + ", " + p + "::text, " + p, card, card, List.of(card, card))
                                .fetchone();
                        assertEquals(List.of(card, "(8,hearts,2020-01-01)", List.of(card, card)), row.toList());
                    }
                }
                DataException e = assertThrows(DataException.class,
                        () -> cur.execute("SELECT (NULL, 'x', NULL)::card, %s", 0).fetchone());
                assertTrue(e.getMessage().contains(Card.class.getName()) && e.getMessage().contains("card"), e.getMessage());
            }
            assertEquals(1, conn.execute("SELECT 1").fetchone().get(0), "the connection stays usable");
        }
    }

    @Test
    void anonymousRecordsLoadTypedInBinaryAndAsStringsInText(TestDatabase db) {
        try (Connection conn = connect(db)) {
            try (Cursor<Row> cur = conn.cursor()) {
                cur.setBinary(true);
                assertEquals(Composite.of(Arrays.asList(1, "a b", null)),
                        cur.execute("SELECT ROW(1, 'a b', NULL::text), %s", 0).fetchone().get(0));
                cur.setBinary(false);
                assertEquals(Composite.of(Arrays.asList("1", "a b", null)),
                        cur.execute("SELECT ROW(1, 'a b', NULL::text), %s", 0).fetchone().get(0));
            }
        }
    }

    @Test
    void builtInRangesRoundTripInBothFormats(TestDatabase db) {
        try (Connection conn = connect(db)) {
            MoreBuiltinTypesIT.roundTrips(conn, Range.of(1, 10), "[1,10)");
            MoreBuiltinTypesIT.roundTrips(conn, Range.of(null, 1L << 40), "(,1099511627776)");
            MoreBuiltinTypesIT.roundTrips(conn, Range.of(new BigDecimal("1.5"), new BigDecimal("2.50"), "[]"), "[1.5,2.50]");
            MoreBuiltinTypesIT.roundTrips(conn, Range.of(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 2, 1)),
                    "[2020-01-01,2020-02-01)");
            MoreBuiltinTypesIT.roundTrips(conn, Range.of(LocalDateTime.of(2020, 1, 1, 10, 0), null),
                    "[\"2020-01-01 10:00:00\",)");
            assertEquals(Range.of(1, 4), both(conn, "SELECT int4range(1, 3, '[]')"), "canonical form");
            assertEquals(Range.empty(), both(conn, "SELECT 'empty'::int4range"));
            assertEquals(Range.of(null, null, "()"), both(conn, "SELECT '(,)'::int8range"));
            assertEquals(true, conn.execute("SELECT %s::int4range @> 5", Range.of(1, 10)).fetchone().get(0));
            assertEquals("empty", conn.execute("SELECT %s::int4range::text", Range.empty()).fetchone().get(0));
            assertEquals(List.of(Range.of(1, 2), Range.of(5, 6)), both(conn, "SELECT ARRAY[int4range(1,2), int4range(5,6)]"));
        }
    }

    @Test
    void builtInMultirangesRoundTrip(TestDatabase db) {
        try (Connection conn = connect(db)) {
            assumeTrue(conn.info().serverVersion() >= 140000, "multiranges are new in PostgreSQL 14");
            MoreBuiltinTypesIT.roundTrips(conn, Multirange.of(Range.of(1, 3), Range.of(5, 7)), "{[1,3),[5,7)}");
            MoreBuiltinTypesIT.roundTrips(conn, Multirange.of(Range.of(LocalDate.of(2020, 1, 1), null)), "{[2020-01-01,)}");
            assertEquals(Multirange.of(), both(conn, "SELECT '{}'::int4multirange"));
            assertEquals(Multirange.of(Range.of(1, 7)), both(conn, "SELECT '{[1,3), [3,7)}'::int4multirange"));
        }
    }

    @Test
    void customRangesRegisteredFromRangeInfo(TestDatabase db) {
        try (Connection conn = connect(db)) {
            RangeInfo.fetch(conn, "floatrange").register(conn);
            MoreBuiltinTypesIT.roundTrips(conn, Range.of(1.5, 2.5), "[1.5,2.5)");
            assertEquals(List.of(Range.of(0.5, 1.0, "[]")), both(conn, "SELECT ARRAY['[0.5,1]'::floatrange]"));
            assumeTrue(conn.info().serverVersion() >= 140000, "multiranges are new in PostgreSQL 14");
            MultirangeInfo.fetch(conn, "floatmultirange").register(conn);
            MoreBuiltinTypesIT.roundTrips(conn, Multirange.of(Range.of(1.5, 2.5)), "{[1.5,2.5)}");
        }
    }

    @Test
    void hstoreLoadsAsAMapAfterRegistering(TestDatabase db) {
        try (Connection conn = connect(db)) {
            HstoreInfo info = HstoreInfo.fetch(conn);
            info.register(conn);
            Map<String, String> m = new LinkedHashMap<>();
            m.put("a", "1");
            m.put("with \"quote\"", "back\\slash, => é");
            m.put("null", null);
            for (String p : new String[] {"%t", "%b"}) {
                for (boolean binary : new boolean[] {false, true}) {
                    try (Cursor<Row> cur = conn.cursor()) {
                        cur.setBinary(binary);
                        Row row = cur.execute("SELECT " + p + ", (" + p + ")->'null' IS NULL", m, m).fetchone();
                        assertEquals(m, row.get(0));
                        assertEquals(true, row.get(1));
                    }
                }
            }
            assertEquals(List.of(Map.of("k", "v")), both(conn, "SELECT ARRAY['k=>v'::hstore]"));
            DataException e = assertThrows(DataException.class, () -> conn.execute("SELECT %s", (Object) Map.of("k", 1)));
            assertTrue(e.getMessage().contains("java.lang.Integer") && e.getMessage().contains("hstore"), e.getMessage());
            assertEquals(1, conn.execute("SELECT 1").fetchone().get(0));
        }
    }
}
