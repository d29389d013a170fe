package io.tusk.internal.adapt;

import io.tusk.errors.DataException;
import java.nio.charset.StandardCharsets;

/**
 * Reads numbers straight from the ASCII bytes of a text-format value, without making a String
 * (numbers and dates are ASCII in every client encoding PostgreSQL supports).
 */
public final class Ascii {
    private Ascii() {
    }

    public static long parseLong(byte[] b, int off, int len, String type) {
        if (len == 0) {
            throw bad(b, off, len, type);
        }
        int i = off;
        int end = off + len;
        boolean neg = b[i] == '-';
        if (neg || b[i] == '+') {
            i++;
        }
        if (i == end || end - i > 19) {
            return slow(b, off, len, type);
        }
        long v = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw bad(b, off, len, type);
            }
            v = v * 10 - d; // accumulate negatively: Long.MIN_VALUE has no positive twin
            if (v > 0) {
                return slow(b, off, len, type);
            }
        }
        if (!neg) {
            if (v == Long.MIN_VALUE) {
                throw bad(b, off, len, type);
            }
            v = -v;
        }
        return v;
    }

    private static long slow(byte[] b, int off, int len, String type) {
        try {
            return Long.parseLong(string(b, off, len));
        } catch (NumberFormatException e) {
            throw bad(b, off, len, type);
        }
    }

    /** Parses {@code len} decimal digits (no sign) at {@code off}. */
    public static int digits(byte[] b, int off, int len) {
        int v = 0;
        for (int i = off; i < off + len; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException("not a digit at " + (i - off));
            }
            v = v * 10 + d;
        }
        return v;
    }

    public static String string(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    public static boolean equals(byte[] b, int off, int len, String s) {
        if (len != s.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (b[off + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public static DataException bad(byte[] b, int off, int len, String type) {
        String shown = len > 80 ? string(b, off, 80) + "..." : string(b, off, len);
        return new DataException("cannot load " + type + " value '" + shown + "': not in the server's text format");
    }
}
