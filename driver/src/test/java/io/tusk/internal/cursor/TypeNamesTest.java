package io.tusk.internal.cursor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TypeNamesTest {
    @Test
    void numericShowsPrecisionAndScale() {
        int typmod = ((10 << 16) | 2) + 4;
        assertEquals("numeric(10,2)", TypeNames.display(1700, typmod));
        assertEquals(10, TypeNames.precision(1700, typmod));
        assertEquals(2, TypeNames.scale(1700, typmod));
        assertEquals("numeric", TypeNames.display(1700, -1));
        assertNull(TypeNames.scale(1700, -1));
    }

    @Test
    void varcharShowsItsLength() {
        assertEquals("varchar(20)", TypeNames.display(1043, 24));
        assertEquals(20, TypeNames.displaySize(1043, 24));
        assertEquals("bpchar(3)", TypeNames.display(1042, 7));
    }

    @Test
    void arraysAndUnknownTypes() {
        assertEquals("int4[]", TypeNames.display(1007, -1));
        assertEquals("int4", TypeNames.display(23, -1));
        assertEquals("99999", TypeNames.display(99999, -1));
    }
}
