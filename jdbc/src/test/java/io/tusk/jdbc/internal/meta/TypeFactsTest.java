package io.tusk.jdbc.internal.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Types;
import org.junit.jupiter.api.Test;

/** JDBC type codes and sizes of PostgreSQL types, as pgjdbc reports them. */
class TypeFactsTest {

    @Test
    void coreTypesHaveFixedCodes() {
        assertEquals(Types.INTEGER, TypeFacts.sqlType(23, "b", false));
        assertEquals(Types.BIT, TypeFacts.sqlType(16, "b", false));
        assertEquals(Types.VARCHAR, TypeFacts.sqlType(25, "b", false));
        assertEquals(Types.SQLXML, TypeFacts.sqlType(142, "b", false));
        assertEquals(Types.ARRAY, TypeFacts.sqlType(1007, "b", true));
    }

    @Test
    void otherTypesGoByKind() {
        assertEquals(Types.ARRAY, TypeFacts.sqlType(99999, "b", true));
        assertEquals(Types.STRUCT, TypeFacts.sqlType(99999, "c", false));
        assertEquals(Types.DISTINCT, TypeFacts.sqlType(99999, "d", false));
        assertEquals(Types.VARCHAR, TypeFacts.sqlType(99999, "e", false), "an enum");
        assertEquals(Types.OTHER, TypeFacts.sqlType(3802, "b", false), "jsonb");
    }

    @Test
    void sizesFollowTheTypeModifier() {
        int numeric10x2 = ((10 << 16) | 2) + 4;
        assertEquals(10, TypeFacts.precision(1700, numeric10x2));
        assertEquals(2, TypeFacts.scale(1700, numeric10x2));
        assertEquals(20, TypeFacts.precision(1043, 24), "varchar(20)");
        assertEquals(Integer.MAX_VALUE, TypeFacts.precision(1043, -1), "varchar without a length");
        assertEquals(29, TypeFacts.precision(1114, -1), "timestamp: its display size");
        assertEquals(3, TypeFacts.scale(1184, 3), "timestamptz(3)");
        assertEquals(10, TypeFacts.precision(1007, -1), "int4[] as int4");
    }
}
