package io.tusk.jdbc.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Calendar;

/**
 * What the {@code setXxx} methods that take a stream or a Calendar bind: streams are read whole
 * (bytea and text are sent as one value; pgjdbc reads them whole too), and
 * {@code java.sql} date-time values become the {@code java.time} values Tusk's adapters dump.
 */
final class BindValues {
    private BindValues() {
    }

    /** Up to {@code length} bytes of {@code in} (all of it when {@code length} is negative). */
    static byte[] bytes(InputStream in, long length) throws SQLException {
        if (in == null) {
            return null;
        }
        checkLength(length);
        try {
            if (length < 0) {
                return in.readAllBytes();
            }
            byte[] b = in.readNBytes((int) Math.min(length, Integer.MAX_VALUE));
            if (b.length < length) {
                throw new SQLException("The stream ended after " + b.length + " bytes, before the " + length
                        + " bytes given as its length: pass the stream's real length.", "22023");
            }
            return b;
        } catch (IOException e) {
            throw new SQLException("Could not read the stream given as a parameter: " + e.getMessage(), "22023", e);
        }
    }

    /** Up to {@code length} characters of {@code in} (all of it when {@code length} is negative). */
    static String chars(Reader in, long length) throws SQLException {
        if (in == null) {
            return null;
        }
        checkLength(length);
        try {
            StringBuilder b = new StringBuilder();
            char[] buf = new char[8192];
            long left = length < 0 ? Long.MAX_VALUE : length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                b.append(buf, 0, n);
                left -= n;
            }
            return b.toString();
        } catch (IOException e) {
            throw new SQLException("Could not read the reader given as a parameter: " + e.getMessage(), "22023", e);
        }
    }

    /** The text of a byte stream in {@code cs} (setAsciiStream: ASCII; setUnicodeStream: UTF-8). */
    static String text(InputStream in, long length, Charset cs) throws SQLException {
        byte[] b = bytes(in, length);
        return b == null ? null : new String(b, cs);
    }

    static String ascii(InputStream in, long length) throws SQLException {
        return text(in, length, StandardCharsets.US_ASCII);
    }

    private static void checkLength(long length) throws SQLException {
        if (length > Integer.MAX_VALUE) {
            throw new SQLException("Stream length " + length + " is over what one value can hold (2 GB):"
                    + " store it as a large object.", "22023");
        }
    }

    static LocalDate date(java.sql.Date d, Calendar cal) {
        if (d == null) {
            return null;
        }
        return cal == null ? d.toLocalDate() : Instant.ofEpochMilli(d.getTime()).atZone(zone(cal)).toLocalDate();
    }

    static LocalTime time(java.sql.Time t, Calendar cal) {
        if (t == null) {
            return null;
        }
        return cal == null ? t.toLocalTime() : Instant.ofEpochMilli(t.getTime()).atZone(zone(cal)).toLocalTime();
    }

    /** The timestamp's wall-clock time, in {@code cal}'s time zone when one is given (nanoseconds kept). */
    static LocalDateTime timestamp(java.sql.Timestamp ts, Calendar cal) {
        if (ts == null) {
            return null;
        }
        if (cal == null) {
            return ts.toLocalDateTime();
        }
        return LocalDateTime.ofInstant(ts.toInstant(), zone(cal));
    }

    private static ZoneId zone(Calendar cal) {
        return cal.getTimeZone().toZoneId();
    }
}
