package io.tusk.internal.adapt.datetime;

import io.tusk.errors.DataException;
import io.tusk.internal.adapt.Ascii;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * Date and time values in PostgreSQL's ISO text style ({@code DateStyle=ISO}, the default):
 * {@code 2020-01-02 03:04:05.678+05:45}, years of at least four digits, {@code BC} after
 * dates before year 1 (ISO year 0 is 1 BC), offsets with seconds for historic local mean
 * times ({@code +05:53:28}). Parsed straight from the bytes.
 */
final class DateTimeText {
    private final byte[] b;
    private final int end;
    private final int start;
    private final String type;
    /** The text ends in " BC": the year read is 1 - the ISO year. */
    private final boolean bc;
    private int pos;

    private DateTimeText(byte[] b, int off, int len, String type) {
        this.b = b;
        this.start = off;
        this.pos = off;
        this.type = type;
        this.bc = len > 3 && b[off + len - 3] == ' ' && b[off + len - 2] == 'B' && b[off + len - 1] == 'C';
        this.end = bc ? off + len - 3 : off + len;
    }

    static LocalDate parseDate(byte[] b, int off, int len) {
        DateTimeText p = new DateTimeText(b, off, len, "date");
        LocalDate d = p.date();
        return p.era(d);
    }

    static LocalDateTime parseTimestamp(byte[] b, int off, int len) {
        DateTimeText p = new DateTimeText(b, off, len, "timestamp");
        LocalDate d = p.date();
        p.expect(' ');
        LocalTime t = p.time();
        LocalDate day = p.era(d);
        return LocalDateTime.of(day, t);
    }

    static OffsetDateTime parseTimestamptz(byte[] b, int off, int len) {
        DateTimeText p = new DateTimeText(b, off, len, "timestamptz");
        LocalDate d = p.date();
        p.expect(' ');
        LocalTime t = p.time();
        ZoneOffset z = p.offset();
        LocalDate day = p.era(d);
        return OffsetDateTime.of(day, t, z);
    }

    static LocalTime parseTime(byte[] b, int off, int len) {
        DateTimeText p = new DateTimeText(b, off, len, "time");
        LocalTime t = p.time();
        p.end();
        return t;
    }

    static OffsetTime parseTimetz(byte[] b, int off, int len) {
        DateTimeText p = new DateTimeText(b, off, len, "timetz");
        LocalTime t = p.time();
        ZoneOffset z = p.offset();
        p.end();
        return OffsetTime.of(t, z);
    }

    private LocalDate date() {
        if (b[pos] == 'i' || b[pos] == '-') {
            throw PgTime.infinity(Ascii.string(b, start, end - start), type, javaType());
        }
        int year = number();
        expect('-');
        int month = fixed(2);
        expect('-');
        int day = fixed(2);
        try {
            return LocalDate.of(bc ? 1 - year : year, month, day);
        } catch (java.time.DateTimeException e) {
            throw bad();
        }
    }

    private String javaType() {
        return switch (type) {
            case "date" -> "LocalDate";
            case "timestamp" -> "LocalDateTime";
            default -> "OffsetDateTime";
        };
    }

    /** Checks that nothing but the era (already applied to the year) follows. */
    private LocalDate era(LocalDate d) {
        end();
        return d;
    }

    private LocalTime time() {
        int h = fixed(2);
        expect(':');
        int m = fixed(2);
        expect(':');
        int s = fixed(2);
        int nanos = 0;
        if (pos < end && b[pos] == '.') {
            pos++;
            int digits = 0;
            while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
                if (digits < 9) {
                    nanos = nanos * 10 + (b[pos] - '0');
                    digits++;
                }
                pos++;
            }
            for (; digits < 9; digits++) {
                nanos *= 10;
            }
        }
        if (h == 24 && m == 0 && s == 0 && nanos == 0) {
            return PgTime.time(PgTime.MICROS_PER_DAY, "'" + Ascii.string(b, start, end - start) + "'");
        }
        try {
            return LocalTime.of(h, m, s, nanos);
        } catch (java.time.DateTimeException e) {
            throw bad();
        }
    }

    /** {@code +HH}, {@code +HH:MM} or {@code +HH:MM:SS}. */
    private ZoneOffset offset() {
        if (pos >= end || (b[pos] != '+' && b[pos] != '-')) {
            throw bad();
        }
        int sign = b[pos++] == '-' ? -1 : 1;
        int h = fixed(2);
        int m = 0;
        int s = 0;
        if (pos < end && b[pos] == ':') {
            pos++;
            m = fixed(2);
            if (pos < end && b[pos] == ':') {
                pos++;
                s = fixed(2);
            }
        }
        return ZoneOffset.ofTotalSeconds(sign * (h * 3600 + m * 60 + s));
    }

    private int number() {
        int from = pos;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            pos++;
        }
        if (pos == from || pos - from > 9) {
            throw bad();
        }
        return Ascii.digits(b, from, pos - from);
    }

    private int fixed(int n) {
        if (end - pos < n) {
            throw bad();
        }
        try {
            int v = Ascii.digits(b, pos, n);
            pos += n;
            return v;
        } catch (NumberFormatException e) {
            throw bad();
        }
    }

    private void expect(char c) {
        if (pos >= end || b[pos] != c) {
            throw bad();
        }
        pos++;
    }

    private void end() {
        if (pos != end) {
            throw bad();
        }
    }

    private DataException bad() {
        int stop = bc ? end + 3 : end;
        return new DataException("cannot load " + type + " value '" + Ascii.string(b, start, stop - start)
                + "': not in the ISO text style (set DateStyle to 'ISO', the default, or request binary results)");
    }

    // ---- formatting (what is dumped in text) ----

    static String format(LocalDate d) {
        StringBuilder s = new StringBuilder(16);
        date(s, d);
        return bc(s, d).toString();
    }

    static String format(LocalDateTime t) {
        StringBuilder s = new StringBuilder(32);
        date(s, t.toLocalDate());
        time(s.append(' '), t.toLocalTime());
        return bc(s, t.toLocalDate()).toString();
    }

    static String format(OffsetDateTime t) {
        StringBuilder s = new StringBuilder(40);
        date(s, t.toLocalDate());
        time(s.append(' '), t.toLocalTime());
        offset(s, t.getOffset());
        return bc(s, t.toLocalDate()).toString();
    }

    static String format(LocalTime t) {
        StringBuilder s = new StringBuilder(16);
        time(s, t);
        return s.toString();
    }

    static String format(OffsetTime t) {
        StringBuilder s = new StringBuilder(24);
        time(s, t.toLocalTime());
        offset(s, t.getOffset());
        return s.toString();
    }

    private static void date(StringBuilder s, LocalDate d) {
        int y = d.getYear() <= 0 ? 1 - d.getYear() : d.getYear();
        pad(s, y, 4).append('-');
        pad(s, d.getMonthValue(), 2).append('-');
        pad(s, d.getDayOfMonth(), 2);
    }

    private static StringBuilder bc(StringBuilder s, LocalDate d) {
        return d.getYear() <= 0 ? s.append(" BC") : s;
    }

    /** HH:MM:SS and the microseconds, if any (nanoseconds beyond are truncated, as in binary). */
    private static void time(StringBuilder s, LocalTime t) {
        pad(s, t.getHour(), 2).append(':');
        pad(s, t.getMinute(), 2).append(':');
        pad(s, t.getSecond(), 2);
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            s.append('.');
            pad(s, micros, 6);
        }
    }

    private static void offset(StringBuilder s, ZoneOffset z) {
        int total = z.getTotalSeconds();
        s.append(total < 0 ? '-' : '+');
        total = Math.abs(total);
        pad(s, total / 3600, 2).append(':');
        pad(s, (total / 60) % 60, 2);
        if (total % 60 != 0) {
            pad(s.append(':'), total % 60, 2);
        }
    }

    private static StringBuilder pad(StringBuilder s, int v, int width) {
        String d = Integer.toString(v);
        for (int i = d.length(); i < width; i++) {
            s.append('0');
        }
        return s.append(d);
    }
}
