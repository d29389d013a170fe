package io.tusk.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.errors.ProgrammingException;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import io.tusk.types.Typed;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** {@link Typed}: a parameter the server receives as the named type, NULL included. */
@PgTest
class TypedParameterIT {

    @Test
    void theServerSeesTheNamedTypeNotTheSmallestThatHoldsTheValue(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Row r = conn.execute("SELECT pg_typeof(%s)::text, pg_typeof(%s)::text, pg_typeof(%s)::text, pg_typeof(%s)::text, %s",
                    5, new Typed(5, "int4"), new Typed(5, "int8"), new Typed("x", "varchar"), new Typed(7, "int4")).fetchone();
            assertEquals("smallint", r.get(0), "a bare 5 is the smallest integer type, as in psycopg");
            assertEquals("integer", r.get(1));
            assertEquals("bigint", r.get(2));
            assertEquals("character varying", r.get(3));
            assertEquals(7, r.get(4), "the value comes back as the type it was sent as");
        }
    }

    @Test
    void aNullTypedValueIsANullOfThatType(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Row r = conn.execute("SELECT pg_typeof(%s)::text, %s IS NULL", new Typed(null, "date"), new Typed(null, "int4")).fetchone();
            assertEquals("date", r.get(0));
            assertEquals(true, r.get(1));
            conn.execute("CREATE TEMP TABLE typed_t (d date, n int8)");
            conn.execute("INSERT INTO typed_t VALUES (%s, %s)", new Typed(LocalDate.of(2024, 2, 29), "date"), new Typed(null, "int8"));
            Row back = conn.execute("SELECT d, n FROM typed_t").fetchone();
            assertEquals(LocalDate.of(2024, 2, 29), back.get(0));
            assertNull(back.get(1));
        }
    }

    @Test
    void aTextValueOfAnotherTypeIsTheServersToRefuse(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.setAutocommit(true);
            conn.execute("CREATE TEMP TABLE typed_i (n int)");
            // As pgjdbc's setString into an int column: varchar is not assignable to integer.
            io.tusk.errors.DatabaseException e = assertThrows(io.tusk.errors.DatabaseException.class,
                    () -> conn.execute("INSERT INTO typed_i VALUES (%s)", new Typed("5", "varchar")));
            assertEquals("42804", e.sqlstate());
            assertEquals(1, conn.execute("SELECT 1").fetchone().get(0), "the session goes on");
        }
    }

    @Test
    void anUnknownTypeNameIsRefusedBeforeAnythingIsSent(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            ProgrammingException e = assertThrows(ProgrammingException.class,
                    () -> conn.execute("SELECT %s", new Typed(1, "no_such_type")));
            assertTrue(e.getMessage().contains("no_such_type"), e.getMessage());
            assertEquals(1, conn.execute("SELECT 1").fetchone().get(0));
        }
    }

    @Test
    void itsTextNeverShowsTheValue() {
        assertEquals("Typed[text]", new Typed("secret", "text").toString());
    }
}
