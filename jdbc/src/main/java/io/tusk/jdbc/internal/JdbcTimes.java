package io.tusk.jdbc.internal;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;

/**
 * Between java.time values (what Tusk loads) and java.sql's Date/Time/Timestamp. A local date or
 * time becomes an instant in the Calendar's zone (JDBC: "the Calendar ... used to construct the
 * value"), or the JVM's default zone without one; the fields go through a Calendar so that
 * dates before 1582 mean what {@code Timestamp.valueOf} means (the Julian-Gregorian calendar of
 * java.sql), as in pgjdbc.
 */
final class JdbcTimes {
    private JdbcTimes() {
    }

    static ZoneId zone(Calendar cal) {
        return cal == null ? ZoneId.systemDefault() : cal.getTimeZone().toZoneId();
    }

    private static Calendar fields(Calendar cal, LocalDate d, LocalTime t) {
        Calendar c = cal == null ? new GregorianCalendar() : (Calendar) cal.clone();
        c.clear();
        int y = d.getYear();
        if (y <= 0) {
            c.set(Calendar.ERA, GregorianCalendar.BC);
            y = 1 - y;
        }
        c.set(y, d.getMonthValue() - 1, d.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        return c;
    }

    static Timestamp timestamp(LocalDateTime t, Calendar cal) {
        Timestamp ts = new Timestamp(fields(cal, t.toLocalDate(), t.toLocalTime()).getTimeInMillis());
        ts.setNanos(t.getNano());
        return ts;
    }

    static Date date(LocalDate d, Calendar cal) {
        return new Date(fields(cal, d, LocalTime.MIDNIGHT).getTimeInMillis());
    }

    static Time time(LocalTime t, Calendar cal) {
        long millis = fields(cal, LocalDate.of(1970, 1, 1), t).getTimeInMillis() + t.getNano() / 1_000_000;
        return new Time(millis);
    }

    /** The java.time reading of {@code v} as {@code type}, or null when there is none. */
    static Object toJavaTime(Object v, Class<?> type) {
        if (type == LocalDate.class) {
            return v instanceof LocalDate ? v : v instanceof LocalDateTime t ? t.toLocalDate() : null;
        }
        if (type == LocalTime.class) {
            return v instanceof LocalTime ? v : v instanceof LocalDateTime t ? t.toLocalTime() : null;
        }
        if (type == LocalDateTime.class) {
            return v instanceof LocalDateTime ? v : v instanceof LocalDate d ? d.atStartOfDay() : null;
        }
        if (type == OffsetDateTime.class) {
            // pgjdbc reads a timestamp without time zone as UTC here
            return v instanceof OffsetDateTime ? v : v instanceof LocalDateTime t ? t.atOffset(ZoneOffset.UTC) : null;
        }
        if (type == Instant.class) {
            return v instanceof OffsetDateTime t ? t.toInstant() : v instanceof LocalDateTime t ? t.toInstant(ZoneOffset.UTC) : null;
        }
        if (type == ZonedDateTime.class) {
            return v instanceof OffsetDateTime t ? t.toZonedDateTime() : null;
        }
        if (type == OffsetTime.class) {
            return v instanceof OffsetTime ? v : null;
        }
        return null;
    }

    static boolean isJavaTime(Class<?> type) {
        return type == LocalDate.class || type == LocalTime.class || type == LocalDateTime.class || type == OffsetDateTime.class
                || type == Instant.class || type == ZonedDateTime.class || type == OffsetTime.class;
    }
}
