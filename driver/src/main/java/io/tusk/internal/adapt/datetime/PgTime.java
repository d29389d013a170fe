package io.tusk.internal.adapt.datetime;

import io.tusk.errors.DataException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The binary representation of PostgreSQL date/time values (the server's {@code timestamp.h}
 * with integer datetimes): days and microseconds counted from 2000-01-01 (its "PostgreSQL
 * epoch"), with the extreme integers standing for {@code -infinity} and {@code infinity}.
 */
final class PgTime {
    /** 2000-01-01 as a Java epoch day. */
    static final long EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    static final long EPOCH_SECOND = EPOCH_DAY * 86_400;
    static final long MICROS_PER_DAY = 86_400_000_000L;

    private PgTime() {
    }

    static int days(LocalDate d) {
        long days = d.toEpochDay() - EPOCH_DAY;
        if (days != (int) days || days == Integer.MAX_VALUE || days == Integer.MIN_VALUE) {
            throw outOfRange(d, "date");
        }
        return (int) days;
    }

    static LocalDate date(int days) {
        return LocalDate.ofEpochDay(EPOCH_DAY + days);
    }

    static long micros(LocalDateTime t) {
        return micros(t.toEpochSecond(ZoneOffset.UTC), t.getNano(), t, "timestamp");
    }

    static long micros(Instant t) {
        return micros(t.getEpochSecond(), t.getNano(), t, "timestamptz");
    }

    private static long micros(long epochSecond, int nano, Object value, String type) {
        try {
            long us = Math.addExact(Math.multiplyExact(epochSecond - EPOCH_SECOND, 1_000_000L), nano / 1000);
            if (us == Long.MAX_VALUE || us == Long.MIN_VALUE) {
                throw new ArithmeticException();
            }
            return us;
        } catch (ArithmeticException e) {
            throw outOfRange(value, type);
        }
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(EPOCH_SECOND + Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000);
    }

    static LocalDateTime localDateTime(long micros) {
        return LocalDateTime.ofEpochSecond(EPOCH_SECOND + Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }

    static long micros(LocalTime t) {
        return t.toNanoOfDay() / 1000;
    }

    static LocalTime time(long micros, Object shown) {
        // time_recv refuses anything outside 00:00:00 to 24:00:00, so a server never sends it.
        if (micros < 0 || micros > MICROS_PER_DAY) {
            throw new DataException("cannot load binary time: " + shown + " is outside 00:00:00 to 24:00:00");
        }
        if (micros == MICROS_PER_DAY) {
            throw new DataException("cannot load time value " + shown + " (24:00:00) as java.time.LocalTime, "
                    + "which ends at 23:59:59.999999999: cast it in SQL or register a loader of your own");
        }
        return LocalTime.ofNanoOfDay(micros * 1000);
    }

    static DataException outOfRange(Object value, String type) {
        return new DataException("cannot dump " + value.getClass().getName() + " " + value + ": out of range for "
                + "PostgreSQL " + type);
    }

    static DataException infinity(String value, String type, String javaType) {
        return new DataException("cannot load " + type + " value '" + value + "' as " + javaType
                + ", which has no infinity: register an opt-in loader (Loaders." + type
                + "InfinityAs(...)) that maps it to a value of your choice, or filter it in SQL");
    }
}
