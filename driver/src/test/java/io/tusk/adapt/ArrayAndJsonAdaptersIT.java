package io.tusk.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.errors.DataException;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import io.tusk.types.Json;
import io.tusk.types.Jsonb;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@PgTest
class ArrayAndJsonAdaptersIT {
    private static final Format[] BOTH = {Format.TEXT, Format.BINARY};

    @Test
    void integerListsRoundTripWithNulls(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            for (Format p : BOTH) {
                for (Format r : BOTH) {
                    List<Object> row = x.row("SELECT $1, $1::text, pg_typeof($1)::text", r, new Format[] {p},
                            Arrays.asList(1, null, 70000));
                    assertEquals(Arrays.asList(1, null, 70000), row.get(0), "widest element type: int4");
                    assertEquals(List.of("{1,NULL,70000}", "integer[]"), row.subList(1, 3));
                }
            }
        }
    }

    @Test
    void javaArraysAndNestedListsAreMultiDimensionalArrays(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            for (Format p : BOTH) {
                for (Format r : BOTH) {
                    assertEquals(List.of(List.of(1L << 40, 2L), List.of(3L, 4L)), x.row("SELECT $1", r,
                            new Format[] {p}, (Object) new long[][] {{1L << 40, 2}, {3, 4}}).get(0));
                    assertEquals(List.of((short) 1, (short) 2), x.row("SELECT $1", r, new Format[] {p},
                            (Object) new int[] {1, 2}).get(0));
                    assertEquals("{{{1,NULL}},{{3,4}}}", x.row("SELECT $1::text", r, new Format[] {p},
                            List.of(List.of(Arrays.asList(1, null)), List.of(List.of(3, 4)))).get(0));
                }
            }
        }
    }

    @Test
    void stringArraysQuoteWhatArrayInWouldMisread(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            String[] values = {"a", "b c", "", "NULL", "null", "\"q\"", "back\\slash", null, "{x,y}", "𝄞 é", "tab\there"};
            for (Format p : BOTH) {
                for (Format r : BOTH) {
                    List<Object> row = x.row("SELECT $1::text[], array_length($1::text[], 1), ($1::text[])[8] IS NULL",
                            r, new Format[] {p}, (Object) values);
                    assertEquals(Arrays.asList(values), row.get(0), p + "/" + r);
                    assertEquals(List.of(11, true), row.subList(1, 3));
                }
            }
        }
    }

    @Test
    void anyWorksWithListsIncludingAnEmptyOne(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            assertEquals(true, x.value("SELECT 3 = ANY($1)", Format.BINARY, List.of(1, 2, 3)));
            assertEquals(true, x.value("SELECT 'b'::text = ANY($1)", Format.BINARY, List.of("a", "b")));
            assertEquals(false, x.value("SELECT 3 = ANY($1)", Format.BINARY, List.of()),
                    "an empty list is sent untyped, as '{}'");
            assertEquals(null, x.value("SELECT 'x'::text = ANY($1)", Format.BINARY, Arrays.asList(null, null)),
                    "a list of NULLs is untyped too; comparing with NULLs gives NULL");
            for (Format r : BOTH) {
                assertEquals(List.of(), x.row("SELECT $1::text[]", r, new Format[] {Format.BINARY}, List.of()).get(0),
                        "in binary an empty list is text[]");
            }
        }
    }

    @Test
    void arraysOfOtherTypesLoadTheirElements(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            for (Format r : BOTH) {
                List<Object> row = x.row("SELECT '{}'::int4[], '[0:1]={7,8}'::int4[], '{1.50,NaN}'::float8[],"
                        + " ARRAY[1.25, NULL]::numeric[], ARRAY['2020-01-01'::date, NULL], ARRAY['\\x0102'::bytea],"
                        + " ARRAY[true, false], '{{a,b},{c,d}}'::varchar[]", r);
                assertEquals(List.of(), row.get(0));
                assertEquals(List.of(7, 8), row.get(1));
                assertEquals(List.of(1.5, Double.NaN), row.get(2));
                assertEquals(Arrays.asList(new BigDecimal("1.25"), null), row.get(3));
                assertEquals(Arrays.asList(LocalDate.of(2020, 1, 1), null), row.get(4));
                assertArrayEquals(new byte[] {1, 2}, (byte[]) ((List<?>) row.get(5)).get(0));
                assertEquals(List.of(true, false), row.get(6));
                assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), row.get(7));
            }
        }
    }

    @Test
    void byteaAndDateListsRoundTrip(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            for (Format p : BOTH) {
                for (Format r : BOTH) {
                    List<?> bytes = (List<?>) x.row("SELECT $1", r, new Format[] {p},
                            List.of(new byte[] {0, '\\', '"', (byte) 0xff})).get(0);
                    assertArrayEquals(new byte[] {0, '\\', '"', (byte) 0xff}, (byte[]) bytes.get(0));
                    assertEquals(List.of(LocalDate.of(-10, 1, 1)), x.row("SELECT $1", r, new Format[] {p},
                            List.of(LocalDate.of(-10, 1, 1))).get(0), "BC date in an array");
                }
            }
        }
    }

    @Test
    void raggedOrMixedListsAreRefused(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            DataException ragged = assertThrows(DataException.class,
                    () -> x.value("SELECT $1", Format.TEXT, List.of(List.of(1, 2), List.of(3))));
            assertTrue(ragged.getMessage().contains("rectangular"), ragged.getMessage());
            DataException mixed = assertThrows(DataException.class,
                    () -> x.value("SELECT $1", Format.TEXT, List.of(1, "a")));
            assertTrue(mixed.getMessage().contains("java.lang.String"), mixed.getMessage());
            assertEquals(1, x.value("SELECT 1::int4", Format.TEXT));
        }
    }

    @Test
    void jsonAndJsonbRoundTrip(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            String doc = "{\"a\": [1, 2.5, \"𝄞\", null], \"b\": {\"c\": true}}";
            for (Format p : BOTH) {
                for (Format r : BOTH) {
                    assertEquals(List.of(Json.of(doc), doc, "json"), x.row("SELECT $1, $1::text, pg_typeof($1)::text",
                            r, new Format[] {p}, Json.of(doc)));
                    assertEquals(List.of(Jsonb.of(doc), doc, "jsonb"), x.row("SELECT $1, $1::text, pg_typeof($1)::text",
                            r, new Format[] {p}, Jsonb.of(doc)));
                }
            }
        }
    }

    @Test
    void jsonDumpsAndLoadsArePluggable(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            AdaptersMap m = AdaptersMap.global().child();
            for (Format r : BOTH) {
                m.registerLoader("jsonb", r, Loaders.json(r, true, text -> Map.of("raw", text)));
            }
            Extended x = new Extended(conn, m);
            Jsonb wrapped = Jsonb.of(Map.of("k", 1), map -> "{\"k\": " + map.get("k") + "}");
            for (Format p : BOTH) {
                for (Format r : BOTH) {
                    assertEquals(Map.of("raw", "{\"k\": 1}"), x.row("SELECT $1", r, new Format[] {p}, wrapped).get(0));
                }
            }
        }
    }
}
