package io.tusk.cursor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.errors.ProgrammingException;
import io.tusk.rows.RowFactories;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@PgTest
class RowFactoriesIT {
    record Person(int id, String firstName, String city) {
    }

    static class Pet {
        long id;
        String name;
    }

    private static Connection connect(TestDatabase db) {
        return Tusk.connect(db.conninfo(PgUsers.TRUST));
    }

    @Test
    void recordsAreMadeByColumnName(TestDatabase db) {
        try (Connection conn = connect(db)) {
            List<Person> people = conn.cursor(RowFactories.records(Person.class))
                    .execute("SELECT 'Paris' AS city, %s AS first_name, 7 AS id", "Ann").fetchall();
            assertEquals(List.of(new Person(7, "Ann", "Paris")), people);
            ProgrammingException e = assertThrows(ProgrammingException.class,
                    () -> conn.cursor(RowFactories.records(Person.class)).execute("SELECT 1 AS id, 'x' AS first_name"));
            assertTrue(e.getMessage().contains("'city'"), e.getMessage());
        }
    }

    @Test
    void classesAreFilledByColumnName(TestDatabase db) {
        try (Connection conn = connect(db)) {
            Pet p = conn.cursor(RowFactories.classes(Pet.class)).execute("SELECT 3 AS id, 'Rex' AS name").fetchone();
            assertEquals(3L, p.id);
            assertEquals("Rex", p.name);
        }
    }

    @Test
    void mapsKeepColumnOrderAndArraysKeepValues(TestDatabase db) {
        try (Connection conn = connect(db)) {
            Map<String, Object> m = conn.cursor(RowFactories.maps()).execute("SELECT 1 AS z, 2 AS a, NULL AS m").fetchone();
            assertEquals(List.of("z", "a", "m"), List.copyOf(m.keySet()));
            assertTrue(m.containsKey("m") && m.get("m") == null);
            Object[] a = conn.cursor(RowFactories.arrays()).execute("SELECT 'x', NULL").fetchone();
            assertArrayEquals(new Object[] {"x", null}, a);
        }
    }

    @Test
    void scalarAndFunctionRows(TestDatabase db) {
        try (Connection conn = connect(db)) {
            List<Object> ns = conn.cursor(RowFactories.scalar()).execute("SELECT generate_series(1, 3)::text").fetchall();
            assertEquals(List.of("1", "2", "3"), ns);
            String s = conn.cursor(RowFactories.function(v -> v[0] + "/" + v[1])).execute("SELECT 'a', 'b'").fetchone();
            assertEquals("a/b", s);
        }
    }
}
