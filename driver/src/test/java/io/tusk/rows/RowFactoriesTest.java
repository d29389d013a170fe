package io.tusk.rows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Column;
import io.tusk.errors.ProgrammingException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowFactoriesTest {
    private static List<Column> columns(String... names) {
        return java.util.Arrays.stream(names)
                .map(n -> new Column(n, 25, "text", null, null, null, null, null, 0, 0, -1, 0)).toList();
    }

    record Person(int id, String firstName, BigDecimal salary) {
    }

    static final class Item {
        Long id;
        String name;
    }

    @Test
    void rowsAreReadByPositionAndNameWithTypedGetters() {
        Row r = RowFactories.rows().makerFor(columns("n", "s", "b", "d")).make(new Object[] {"42", "x", "t", "1.50"});
        assertEquals(42, r.getInt(0));
        assertEquals(42L, r.getLong("n"));
        assertEquals("x", r.get("s"));
        assertEquals(Boolean.TRUE, r.getBoolean("b"));
        assertEquals(new BigDecimal("1.50"), r.getBigDecimal("d"));
        assertEquals(1.5, r.getDouble(3));
        assertEquals(List.of("42", "x", "t", "1.50"), r.toList());
        assertThrows(IllegalArgumentException.class, () -> r.get("nope"));
    }

    @Test
    void numbersConvertOnlyWhenNothingIsLost() {
        Row r = RowFactories.rows().makerFor(columns("big", "frac")).make(new Object[] {10_000_000_000L, new BigDecimal("1.5")});
        assertEquals(10_000_000_000L, r.getLong(0));
        ClassCastException e = assertThrows(ClassCastException.class, () -> r.getInt(0));
        assertTrue(e.getMessage().contains("big"), e.getMessage());
        assertThrows(ClassCastException.class, () -> r.getLong("frac"));
    }

    @Test
    void nullStaysNullForEveryGetter() {
        Row r = RowFactories.rows().makerFor(columns("x")).make(new Object[] {null});
        assertNull(r.getInt(0));
        assertNull(r.getString(0));
        assertNull(r.get(0, BigDecimal.class));
    }

    @Test
    void mapsKeepColumnOrder() {
        Map<String, Object> m = RowFactories.maps().makerFor(columns("z", "a", "m")).make(new Object[] {1, 2, 3});
        assertEquals(List.of("z", "a", "m"), List.copyOf(m.keySet()));
    }

    @Test
    void arraysScalarAndFunction() {
        assertArrayEquals(new Object[] {1, 2}, RowFactories.arrays().makerFor(columns("a", "b")).make(new Object[] {1, 2}));
        assertEquals(1, RowFactories.<Integer>scalar().makerFor(columns("a", "b")).make(new Object[] {1, 2}));
        assertEquals("1-2", RowFactories.function(v -> v[0] + "-" + v[1]).makerFor(columns("a", "b")).make(new Object[] {1, 2}));
    }

    @Test
    void recordsAreFilledByColumnNameInAnyOrder() {
        Person p = RowFactories.records(Person.class).makerFor(columns("salary", "first_name", "id"))
                .make(new Object[] {"10.25", "Ann", "7"});
        assertEquals(new Person(7, "Ann", new BigDecimal("10.25")), p);
    }

    @Test
    void aRecordComponentWithoutColumnIsNamedInTheError() {
        ProgrammingException e = assertThrows(ProgrammingException.class,
                () -> RowFactories.records(Person.class).makerFor(columns("id", "first_name")));
        assertTrue(e.getMessage().contains("'salary'"), e.getMessage());
    }

    @Test
    void aNullIntoAPrimitiveComponentExplainsTheFix() {
        RowMaker<Person> m = RowFactories.records(Person.class).makerFor(columns("id", "first_name", "salary"));
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> m.make(new Object[] {null, "a", null}));
        assertTrue(e.getMessage().contains("Integer"), e.getMessage());
    }

    @Test
    void classesAreFilledFieldByField() {
        Item i = RowFactories.classes(Item.class).makerFor(columns("id", "name")).make(new Object[] {"3", "pen"});
        assertEquals(3L, i.id);
        assertEquals("pen", i.name);
        ProgrammingException e = assertThrows(ProgrammingException.class,
                () -> RowFactories.classes(Item.class).makerFor(columns("id", "price")));
        assertTrue(e.getMessage().contains("'price'"), e.getMessage());
    }
}
