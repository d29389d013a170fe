package io.tusk.jdbc.internal;

import io.tusk.types.Cidr;
import io.tusk.types.Composite;
import io.tusk.types.Inet;
import io.tusk.types.Interval;
import io.tusk.types.Json;
import io.tusk.types.Jsonb;
import io.tusk.types.PgArray;
import io.tusk.types.Range;
import java.math.BigDecimal;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A loaded value written back in PostgreSQL's text output form (ISO DateStyle, postgres
 * IntervalStyle), which is what {@code getString} returns in pgjdbc: the server's text. Tusk may
 * have read the value in binary, so the text is made again from the Java value.
 */
final class PgText {
    private PgText() {
    }

    static String format(Object v) {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof Boolean b) {
            return b ? "t" : "f";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double d) {
            return floatText(d, 15);
        }
        if (v instanceof Float f) {
            return floatText(Double.parseDouble(Float.toString(f)), 6);
        }
        if (v instanceof byte[] b) {
            return "\\x" + HexFormat.of().formatHex(b);
        }
        if (v instanceof LocalDate d) {
            return date(d);
        }
        if (v instanceof LocalTime t) {
            return time(t);
        }
        if (v instanceof LocalDateTime t) {
            return dateTime(t);
        }
        if (v instanceof OffsetDateTime t) {
            return dateTime(t.toLocalDateTime()) + offset(t.getOffset());
        }
        if (v instanceof OffsetTime t) {
            return time(t.toLocalTime()) + offset(t.getOffset());
        }
        if (v instanceof Interval i) {
            return interval(i);
        }
        if (v instanceof Json j) {
            return j.text();
        }
        if (v instanceof Jsonb j) {
            return j.text();
        }
        if (v instanceof InetAddress a) {
            return address(a);
        }
        if (v instanceof Inet a) {
            return address(a.address()) + "/" + a.prefix();
        }
        if (v instanceof Cidr a) {
            return address(a.address()) + "/" + a.prefix();
        }
        if (v instanceof PgArray a) {
            StringBuilder b = new StringBuilder();
            int[] dims = a.dimensions();
            for (int i = 0; i < dims.length; i++) {
                b.append('[').append(a.lowerBounds()[i]).append(':').append((long) a.lowerBounds()[i] + dims[i] - 1).append(']');
            }
            return array(b.append('='), a.elements()).toString();
        }
        if (v instanceof List<?> l) {
            return array(new StringBuilder(), l).toString();
        }
        if (v instanceof Range<?> r) {
            return range(r);
        }
        if (v instanceof Composite c) {
            return composite(c.values());
        }
        if (v instanceof Map<?, ?> m) {
            return hstore(m);
        }
        return v.toString();
    }

    /** IPv4 dotted, IPv6 as the server prints it (RFC 5952: lowercase, the longest run of zero groups as ::). */
    static String address(InetAddress a) {
        if (a instanceof Inet4Address) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder s = new StringBuilder();
        // IPv4-mapped addresses print their last 32 bits dotted (::ffff:1.2.3.4), as the server does
        boolean mapped = bestStart == 0 && bestLen == 5 && g[5] == 0xFFFF;
        int end = mapped ? 6 : 8;
        for (int i = 0; i < end; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(g[i]));
        }
        if (mapped) {
            s.append(b[12] & 0xFF).append('.').append(b[13] & 0xFF).append('.').append(b[14] & 0xFF).append('.').append(b[15] & 0xFF);
        }
        return s.toString();
    }

    /**
     * money as the server prints it under the C and en_US locales ({@code $1,234.56},
     * {@code -$1.00}): the protocol does not say which lc_monetary formatted it, and the loaded
     * value keeps only the amount.
     */
    static String money(BigDecimal amount) {
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.US));
        String digits = f.format(amount.abs());
        return (amount.signum() < 0 ? "-$" : "$") + digits;
    }

    /**
     * float4/float8 output since PostgreSQL 12: the shortest digits that read back exactly,
     * in exponent form when the exponent is below -4 or at least FLT_DIG/DBL_DIG ({@code %g}).
     */
    static String floatText(double d, int digits) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = b.precision() - b.scale() - 1;
        if (exponent < -4 || exponent >= digits) {
            String u = b.unscaledValue().abs().toString();
            StringBuilder s = new StringBuilder(b.signum() < 0 ? "-" : "").append(u.charAt(0));
            if (u.length() > 1) {
                s.append('.').append(u, 1, u.length());
            }
            s.append('e').append(exponent < 0 ? '-' : '+');
            int e = Math.abs(exponent);
            return s.append(e < 10 ? "0" : "").append(e).toString();
        }
        return b.toPlainString();
    }

    static String date(LocalDate d) {
        int y = d.getYear();
        boolean bc = y <= 0;
        // ISO year 0 is 1 BC
        int shown = bc ? 1 - y : y;
        String s = pad(shown, 4) + "-" + pad(d.getMonthValue(), 2) + "-" + pad(d.getDayOfMonth(), 2);
        return bc ? s + " BC" : s;
    }

    static String time(LocalTime t) {
        StringBuilder b = new StringBuilder();
        b.append(pad(t.getHour(), 2)).append(':').append(pad(t.getMinute(), 2)).append(':').append(pad(t.getSecond(), 2));
        fraction(b, t.getNano());
        return b.toString();
    }

    static String dateTime(LocalDateTime t) {
        String d = date(t.toLocalDate());
        if (d.endsWith(" BC")) {
            return d.substring(0, d.length() - 3) + " " + time(t.toLocalTime()) + " BC";
        }
        return d + " " + time(t.toLocalTime());
    }

    /** {@code +01}, {@code +05:30}, {@code -03:30}, {@code +00:53:28} as the server prints offsets. */
    static String offset(ZoneOffset o) {
        int s = o.getTotalSeconds();
        StringBuilder b = new StringBuilder(s < 0 ? "-" : "+");
        s = Math.abs(s);
        b.append(pad(s / 3600, 2));
        if (s % 3600 != 0) {
            b.append(':').append(pad(s / 60 % 60, 2));
            if (s % 60 != 0) {
                b.append(':').append(pad(s % 60, 2));
            }
        }
        return b.toString();
    }

    private static void fraction(StringBuilder b, int nanos) {
        if (nanos != 0) {
            String f = pad(nanos / 1000, 6);
            int end = f.length();
            while (end > 0 && f.charAt(end - 1) == '0') {
                end--;
            }
            if (end > 0) {
                b.append('.').append(f, 0, end);
            }
        }
    }

    private static String pad(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** IntervalStyle postgres, as the server's EncodeInterval writes it. */
    static String interval(Interval i) {
        StringBuilder b = new StringBuilder();
        boolean[] before = {false};
        part(b, i.months() / 12, "year", before);
        part(b, i.months() % 12, "mon", before);
        part(b, i.days(), "day", before);
        long us = i.microseconds();
        if (b.length() == 0 || us != 0) {
            boolean minus = us < 0;
            long a = Math.abs(us);
            long secs = a / 1_000_000;
            b.append(b.length() == 0 ? "" : " ").append(minus ? "-" : before[0] ? "+" : "");
            b.append(pad(secs / 3600, 2)).append(':').append(pad(secs / 60 % 60, 2)).append(':').append(pad(secs % 60, 2));
            fraction(b, (int) (a % 1_000_000) * 1000);
        }
        return b.toString();
    }

    private static void part(StringBuilder b, int value, String unit, boolean[] before) {
        if (value == 0) {
            return;
        }
        b.append(b.length() == 0 ? "" : " ").append(before[0] && value > 0 ? "+" : "").append(value).append(' ').append(unit);
        if (value != 1) {
            b.append('s');
        }
        before[0] = value < 0;
    }

    private static StringBuilder array(StringBuilder b, List<?> elements) {
        b.append('{');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Object e = elements.get(i);
            if (e == null) {
                b.append("NULL");
            } else if (e instanceof List<?> l && !(e instanceof PgArray)) {
                array(b, l);
            } else {
                String s = format(e);
                b.append(needsArrayQuotes(s) ? quote(s) : s);
            }
        }
        return b.append('}');
    }

    private static boolean needsArrayQuotes(String s) {
        if (s.isEmpty() || s.equalsIgnoreCase("NULL")) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String range(Range<?> r) {
        if (r.isEmpty()) {
            return "empty";
        }
        return (r.lowerInclusive() ? "[" : "(") + bound(r.lower()) + "," + bound(r.upper()) + (r.upperInclusive() ? "]" : ")");
    }

    private static String bound(Object v) {
        if (v == null) {
            return "";
        }
        String s = format(v);
        return needsRecordQuotes(s) ? quoteRecord(s) : s;
    }

    private static String composite(List<Object> values) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Object v = values.get(i);
            if (v != null) {
                String s = format(v);
                b.append(needsRecordQuotes(s) ? quoteRecord(s) : s);
            }
        }
        return b.append(')').toString();
    }

    private static boolean needsRecordQuotes(String s) {
        if (s.isEmpty()) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',' || c == '"' || c == '\\' || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    private static String quoteRecord(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\"\"") + '"';
    }

    private static String hstore(Map<?, ?> m) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(quote(String.valueOf(e.getKey()))).append("=>").append(e.getValue() == null ? "NULL" : quote(String.valueOf(e.getValue())));
        }
        return b.toString();
    }
}
