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
 * Date and time values in PostgreSQL's text styles. Read in the session's {@code DateStyle}
 * (datetime.c's EncodeDateOnly/EncodeDateTime): ISO {@code 2020-01-02 03:04:05.678+05:45}, SQL
 * {@code 01/02/2020 03:04:05.678 CET} (day first under DMY), German {@code 02.01.2020 03:04:05 CET},
 * Postgres {@code 01-02-2020} for dates and {@code Thu Jan 02 03:04:05.678 2020 CET} for
 * timestamps (day before month under DMY). Years have at least four digits and {@code BC} follows
 * dates before year 1 (ISO year 0 is 1 BC); offsets may have seconds for historic local mean
 * times ({@code +05:53:28}). Where a style prints a zone abbreviation instead of an offset, the
 * offset comes from the session's TimeZone ({@link PgZone#resolve}). Parsed straight from the bytes.
 */
final class DateTimeText {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private final byte[] b;
    private final int end;
    private final int start;
    private final String type;
    private final PgDateStyle ds;
    /** The text ends in " BC": the year read is 1 - the ISO year. */
    private final boolean bc;
    private int pos;

    private DateTimeText(byte[] b, int off, int len, String type, PgDateStyle ds) {
        this.b = b;
        this.start = off;
        this.pos = off;
        this.type = type;
        this.ds = ds;
        this.bc = len > 3 && b[off + len - 3] == ' ' && b[off + len - 2] == 'B' && b[off + len - 1] == 'C';
        this.end = bc ? off + len - 3 : off + len;
    }

    static LocalDate parseDate(byte[] b, int off, int len) {
        return parseDate(b, off, len, PgDateStyle.ISO);
    }

    static LocalDate parseDate(byte[] b, int off, int len, PgDateStyle ds) {
        DateTimeText p = new DateTimeText(b, off, len, "date", ds);
        p.infinity();
        LocalDate d = p.date(ds.style() == PgDateStyle.Style.POSTGRES ? '-' : 0);
        p.end();
        return d;
    }

    static LocalDateTime parseTimestamp(byte[] b, int off, int len) {
        return parseTimestamp(b, off, len, PgDateStyle.ISO);
    }

    static LocalDateTime parseTimestamp(byte[] b, int off, int len, PgDateStyle ds) {
        DateTimeText p = new DateTimeText(b, off, len, "timestamp", ds);
        LocalDateTime t = p.dateTime();
        p.end();
        return t;
    }

    static OffsetDateTime parseTimestamptz(byte[] b, int off, int len) {
        return parseTimestamptz(b, off, len, PgDateStyle.ISO, PgZone.of(null));
    }

    static OffsetDateTime parseTimestamptz(byte[] b, int off, int len, PgDateStyle ds, PgZone zone) {
        DateTimeText p = new DateTimeText(b, off, len, "timestamptz", ds);
        LocalDateTime t = p.dateTime();
        ZoneOffset z;
        if (ds.style() == PgDateStyle.Style.ISO || (p.pos < p.end && p.b[p.pos] != ' ')) {
            // EncodeTimezone: ISO always, the other styles when the zone has no abbreviation.
            z = p.offset();
            p.end();
        } else {
            p.expect(' ');
            String abbrev = Ascii.string(b, p.pos, p.end - p.pos);
            z = zone.resolve(t, abbrev);
            if (z == null) {
                throw new DataException("cannot load timestamptz value '" + Ascii.string(b, off, len)
                        + "': DateStyle '" + ds.shown() + "' shows the zone abbreviation '" + abbrev
                        + "' and the session TimeZone '" + zone.name() + "' is unknown to Java: set DateStyle"
                        + " to 'ISO' (the default), use an IANA zone name, or request binary results");
            }
        }
        return OffsetDateTime.of(t, z);
    }

    static LocalTime parseTime(byte[] b, int off, int len) {
        DateTimeText p = new DateTimeText(b, off, len, "time", PgDateStyle.ISO);
        LocalTime t = p.time();
        p.end();
        return t;
    }

    static OffsetTime parseTimetz(byte[] b, int off, int len) {
        DateTimeText p = new DateTimeText(b, off, len, "timetz", PgDateStyle.ISO);
        LocalTime t = p.time();
        ZoneOffset z = p.offset();
        p.end();
        return OffsetTime.of(t, z);
    }

    private void infinity() {
        if (pos < end && (b[pos] == 'i' || b[pos] == '-')) {
            throw PgTime.infinity(Ascii.string(b, start, end - start), type, javaType());
        }
    }

    /** The date and time; in the Postgres style the date parts are around the time. */
    private LocalDateTime dateTime() {
        infinity();
        if (ds.style() != PgDateStyle.Style.POSTGRES) {
            LocalDate d = date((char) 0);
            expect(' ');
            return LocalDateTime.of(d, time());
        }
        pos += 3; // day of the week, implied by the date
        expect(' ');
        int day;
        int month;
        if (ds.dayFirst()) {
            day = fixed(2);
            expect(' ');
            month = monthName();
        } else {
            month = monthName();
            expect(' ');
            day = fixed(2);
        }
        expect(' ');
        LocalTime t = time();
        expect(' ');
        return LocalDateTime.of(ymd(number(), month, day), t);
    }

    private int monthName() {
        if (end - pos < 3) {
            throw bad();
        }
        for (int m = 0; m < 12; m++) {
            if (b[pos] == MONTHS.charAt(3 * m) && b[pos + 1] == MONTHS.charAt(3 * m + 1)
                    && b[pos + 2] == MONTHS.charAt(3 * m + 2)) {
                pos += 3;
                return m + 1;
            }
        }
        throw bad();
    }

    /** A date in the session's style; {@code postgresSep} is '-' for the Postgres style's date-only form. */
    private LocalDate date(char postgresSep) {
        int year;
        int month;
        int day;
        switch (ds.style()) {
            case SQL, POSTGRES -> {
                char sep = ds.style() == PgDateStyle.Style.SQL ? '/' : postgresSep;
                int first = fixed(2);
                expect(sep);
                int second = fixed(2);
                expect(sep);
                year = number();
                day = ds.dayFirst() ? first : second;
                month = ds.dayFirst() ? second : first;
            }
            case GERMAN -> {
                day = fixed(2);
                expect('.');
                month = fixed(2);
                expect('.');
                year = number();
            }
            default -> {
                year = number();
                expect('-');
                month = fixed(2);
                expect('-');
                day = fixed(2);
            }
        }
        return ymd(year, month, day);
    }

    private LocalDate ymd(int year, int month, int day) {
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
                + "': not in the text style of DateStyle '" + ds.shown() + "' (set DateStyle to 'ISO', the"
                + " default, or request binary results)");
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
