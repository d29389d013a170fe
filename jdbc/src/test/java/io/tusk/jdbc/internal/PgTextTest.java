package io.tusk.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tusk.types.Interval;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's text forms, written again from loaded values (what getString returns). */
class PgTextTest {

    @Test
    void floatsAsThePostgres12Output() {
        assertEquals("1", PgText.format(1.0));
        assertEquals("0.1", PgText.format(0.1));
        assertEquals("1e+15", PgText.format(1e15));
        assertEquals("123456789012345", PgText.format(123456789012345.0));
        assertEquals("1e-05", PgText.format(1e-5));
        assertEquals("0.0001", PgText.format(1e-4));
        assertEquals("1.5e+300", PgText.format(1.5e300));
        assertEquals("1e+06", PgText.format(1e6f));
        assertEquals("100000", PgText.format(1e5f));
        assertEquals("-0", PgText.format(-0.0));
        assertEquals("NaN", PgText.format(Double.NaN));
        assertEquals("-Infinity", PgText.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void datesAndTimesInIsoStyle() {
        assertEquals("0044-03-15 BC", PgText.format(LocalDate.of(-43, 3, 15)));
        assertEquals("12345-01-01", PgText.format(LocalDate.of(12345, 1, 1)));
        assertEquals("2024-02-29 13:14:15.5", PgText.format(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 500_000_000)));
        assertEquals("2024-02-29 13:14:15+05:30", PgText.format(OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 0, ZoneOffset.ofHoursMinutes(5, 30))));
        assertEquals("2024-02-29 13:14:15-08", PgText.format(OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 0, ZoneOffset.ofHours(-8))));
    }

    @Test
    void intervalsInPostgresStyle() {
        assertEquals("1 year 2 mons -3 days +04:05:06.5", PgText.format(Interval.of(14, -3, 14_706_500_000L)));
        assertEquals("-1 days", PgText.format(Interval.of(0, -1, 0)));
        assertEquals("1 day", PgText.format(Interval.of(0, 1, 0)));
        assertEquals("00:00:00", PgText.format(Interval.ZERO));
        assertEquals("-04:05:00", PgText.format(Interval.of(0, 0, -14_700_000_000L)));
    }

    @Test
    void arraysQuoteWhatTheServerQuotes() {
        assertEquals("{\"a\\\"b\",NULL,\"\",\"NULL\",\"x,y\",plain}", PgText.format(Arrays.asList("a\"b", null, "", "NULL", "x,y", "plain")));
        assertEquals("{{1,2},{3,4}}", PgText.format(List.of(List.of(1, 2), List.of(3, 4))));
        assertEquals("{t,f}", PgText.format(List.of(true, false)));
    }

    @Test
    void addressesAndMoney() throws Exception {
        assertEquals("::1", PgText.format(InetAddress.getByName("::1")));
        assertEquals("2001:db8::1:0:0:1", PgText.format(InetAddress.getByName("2001:db8:0:0:1:0:0:1")));
        assertEquals("10.1.2.3", PgText.format(InetAddress.getByName("10.1.2.3")));
        assertEquals("$1,234.50", PgText.money(new BigDecimal("1234.5")));
        assertEquals("-$0.01", PgText.money(new BigDecimal("-0.01")));
    }
}
