package io.tusk.types;

import java.io.Serializable;
import java.time.Duration;
import java.time.Period;

/**
 * A PostgreSQL {@code interval}: months, days and microseconds kept apart, as the server keeps
 * them (a month is not a fixed number of days, and a day is not always 24 hours across a DST
 * change), which neither {@link Duration} nor {@link Period} can hold alone. psycopg loads
 * intervals as {@code timedelta}; Java has no single equivalent.
 *
 * <pre>{@code
 * Interval i = Interval.of(14, 3, 3_600_000_000L);   // 1 year 2 mons 3 days 01:00:00
 * Interval d = Interval.of(Duration.ofMinutes(90));  // 01:30:00
 * Period p = Interval.of(Period.of(1, 2, 3)).toPeriod();
 * }</pre>
 *
 * Equality is field by field: {@code '1 day'} and {@code '24 hours'} are equal in SQL but not here.
 */
public final class Interval implements Serializable {
    private static final long serialVersionUID = 1L;
    /** An interval of no time. */
    public static final Interval ZERO = new Interval(0, 0, 0);

    private final int months;
    private final int days;
    private final long microseconds;

    private Interval(int months, int days, long microseconds) {
        this.months = months;
        this.days = days;
        this.microseconds = microseconds;
    }

    public static Interval of(int months, int days, long microseconds) {
        return new Interval(months, days, microseconds);
    }

    /** The interval of a Duration, as microseconds (nanoseconds below a microsecond are truncated). */
    public static Interval of(Duration d) {
        try {
            return new Interval(0, 0, Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1000));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Duration " + d + " does not fit an interval's 64-bit microseconds", e);
        }
    }

    /** The interval of a Period: years and months as months, days as days. */
    public static Interval of(Period p) {
        try {
            return new Interval(Math.toIntExact(p.toTotalMonths()), p.getDays(), 0);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Period " + p + " has too many months for an interval", e);
        }
    }

    public int months() {
        return months;
    }

    public int days() {
        return days;
    }

    public long microseconds() {
        return microseconds;
    }

    /** The months and days as a Period; fails when there are microseconds. */
    public Period toPeriod() {
        if (microseconds != 0) {
            throw new ArithmeticException("interval " + this + " has a time part: a Period cannot hold it");
        }
        return Period.of(months / 12, months % 12, days);
    }

    /**
     * The interval as a Duration, counting a day as 24 hours (as PostgreSQL's {@code extract(epoch
     * ...)} does); fails when there are months, whose length varies.
     */
    public Duration toDuration() {
        if (months != 0) {
            throw new ArithmeticException("interval " + this + " has months: a Duration cannot hold them");
        }
        return Duration.ofDays(days).plus(Duration.of(microseconds, java.time.temporal.ChronoUnit.MICROS));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Interval i && i.months == months && i.days == days && i.microseconds == microseconds;
    }

    @Override
    public int hashCode() {
        return (31 * months + days) * 31 + Long.hashCode(microseconds);
    }

    /** The interval in PostgreSQL's input syntax, e.g. {@code 14 mons 3 days 01:00:00.5}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(months).append(" mons ").append(days).append(" days ");
        long us = microseconds;
        if (us < 0) {
            b.append('-');
        }
        // Long.MIN_VALUE has no positive twin: work with the negative magnitude's parts.
        long secs = Math.abs(us / 1_000_000);
        long frac = Math.abs(us % 1_000_000);
        b.append(secs / 3600).append(':');
        two(b, (secs / 60) % 60).append(':');
        two(b, secs % 60);
        if (frac != 0) {
            String f = String.format("%06d", frac);
            int end = f.length();
            while (f.charAt(end - 1) == '0') {
                end--;
            }
            b.append('.').append(f, 0, end);
        }
        return b.toString();
    }

    private static StringBuilder two(StringBuilder b, long v) {
        return b.append(v < 10 ? "0" : "").append(v);
    }
}
