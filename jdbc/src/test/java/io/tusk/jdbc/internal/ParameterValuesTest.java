package io.tusk.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tusk.types.Interval;
import io.tusk.types.Range;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** setObject's conversion table: JDBC's classes to what Tusk's adapters dump, and target Types. */
class ParameterValuesTest {

    @Test
    void jdbcClassesBecomeJavaTime() throws Exception {
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_789),
                ParameterValues.forObject(Timestamp.valueOf("2024-02-29 13:14:15.123456789")));
        assertEquals(LocalDate.of(2024, 2, 29), ParameterValues.forObject(java.sql.Date.valueOf("2024-02-29")));
        Time t = new Time(Time.valueOf("13:14:15").getTime() + 250);
        assertEquals(LocalTime.of(13, 14, 15, 250_000_000), ParameterValues.forObject(t));
        assertEquals("x", ParameterValues.forObject('x'));
        assertArrayEquals(new byte[] {1, 2}, (byte[]) ParameterValues.forObject(new JdbcBlob(new byte[] {1, 2})));
        assertEquals("text", ParameterValues.forObject(new JdbcClob("text")));
        assertEquals(List.of(LocalDate.of(2020, 1, 1)), ParameterValues.forObject(new Object[] {java.sql.Date.valueOf("2020-01-01")}));
    }

    @Test
    void tusksOwnTypesPassThrough() throws Exception {
        Range<Integer> r = Range.of(1, 5);
        assertEquals(r, ParameterValues.forObject(r));
        Interval i = Interval.of(1, 2, 3);
        assertEquals(i, ParameterValues.forSqlType(i, Types.OTHER, -1));
    }

    @Test
    void targetTypesConvertAsJdbcAllows() throws Exception {
        assertEquals(42, ParameterValues.forSqlType("42", Types.INTEGER, -1));
        assertEquals(42L, ParameterValues.forSqlType(42, Types.BIGINT, -1));
        assertEquals((short) 7, ParameterValues.forSqlType(7.9, Types.SMALLINT, -1));
        assertEquals(true, ParameterValues.forSqlType(1, Types.BOOLEAN, -1));
        assertEquals(false, ParameterValues.forSqlType("off", Types.BIT, -1));
        assertEquals("42", ParameterValues.forSqlType(42, Types.VARCHAR, -1));
        assertEquals(new BigDecimal("1.24"), ParameterValues.forSqlType(1.235, Types.NUMERIC, 2));
        assertEquals(new BigDecimal("1.235"), ParameterValues.forSqlType("1.235", Types.DECIMAL, -1));
        assertEquals(1.5f, ParameterValues.forSqlType("1.5", Types.REAL, -1));
        assertEquals(LocalDate.of(2024, 1, 2), ParameterValues.forSqlType("2024-01-02", Types.DATE, -1));
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5), ParameterValues.forSqlType("2024-01-02 03:04:05", Types.TIMESTAMP, -1));
        assertEquals(LocalTime.of(3, 4, 5), ParameterValues.forSqlType("03:04:05", Types.TIME, -1));
        assertEquals("{\"a\":1}", ParameterValues.forSqlType("{\"a\":1}", Types.OTHER, -1));
        assertNull(ParameterValues.forSqlType(null, Types.INTEGER, -1));
    }

    @Test
    void whatCannotConvertIsRefusedWithTheTypesNamed() {
        SQLException notNumber = assertThrows(SQLException.class, () -> ParameterValues.forSqlType("abc", Types.INTEGER, -1));
        assertEquals("07006", notNumber.getSQLState());
        SQLException range = assertThrows(SQLException.class, () -> ParameterValues.forSqlType(70000, Types.SMALLINT, -1));
        assertEquals("22003", range.getSQLState());
        SQLException type = assertThrows(SQLException.class, () -> ParameterValues.forSqlType(LocalDate.now(), Types.INTEGER, -1));
        assertEquals("Cannot convert an instance of java.time.LocalDate to type Types.INTEGER", type.getMessage());
        assertEquals("07006", assertThrows(SQLException.class, () -> ParameterValues.forSqlType(1, 12345, -1)).getSQLState());
        assertEquals("22018", assertThrows(SQLException.class, () -> ParameterValues.forSqlType("maybe", Types.BOOLEAN, -1)).getSQLState());
    }
}
