package io.tusk.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.Tusk;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import io.tusk.types.PgArray;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

@PgTest
class MoneyAndArrayBoundsIT {
    @Test
    void lowerBoundsSurviveARoundTripInTextAndBinary(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            for (boolean binary : new boolean[] {false, true}) {
                try (Cursor<Row> cur = conn.cursor()) {
                    cur.setBinary(binary);
                    cur.execute("SELECT '[0:2]={1,2,3}'::int4[], '[-1:0][5:6]={{a,b},{c,d}}'::text[], '{4,5}'::int4[]");
                    Row r = cur.fetchone();
                    PgArray a = (PgArray) r.get(0);
                    assertEquals(0, a.lowerBound());
                    assertEquals(List.of(1, 2, 3), a);
                    PgArray t = (PgArray) r.get(1);
                    assertArrayEquals(new int[] {-1, 5}, t.lowerBounds());
                    assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), t);
                    assertEquals(List.of(4, 5), r.get(2)); // from 1: a plain List

                    for (Format f : new Format[] {Format.TEXT, Format.BINARY}) {
                        String p = f == Format.BINARY ? "%b" : "%t";
                        cur.execute("SELECT array_lower(" + p + "::int4[], 1), " + p + "::int4[]::text, " + p
                                + "::text[]::text", a, a, t);
                        Row back = cur.fetchone();
                        assertEquals(0, back.get(0), f + " parameter");
                        assertEquals("[0:2]={1,2,3}", back.get(1), f + " parameter");
                        assertEquals("[-1:0][5:6]={{a,b},{c,d}}", back.get(2), f + " parameter");
                    }
                }
            }
        }
    }

    @Test
    void moneyFollowsTheSessionsFractionDigits(TestDatabase db) {
        // Only the C locales exist on the embedded server (2 digits); 0 and 3 are unit-tested.
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.setAutocommit(true);
            conn.execute("SET lc_monetary = 'C'");
            for (Format f : new Format[] {Format.TEXT, Format.BINARY}) {
                conn.adapters().registerLoader("money", f, Loaders.money(conn, f));
            }
            for (boolean binary : new boolean[] {false, true}) {
                try (Cursor<Row> cur = conn.cursor()) {
                    cur.setBinary(binary);
                    cur.execute("SELECT '-1234.56'::money, 0::money");
                    Row r = cur.fetchone();
                    assertEquals(new BigDecimal("-1234.56"), r.get(0));
                    assertEquals(new BigDecimal("0.00"), r.get(1));
                }
            }
        }
    }
}
