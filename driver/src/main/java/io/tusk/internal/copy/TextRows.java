package io.tusk.internal.copy;

import io.tusk.adapt.Loader;
import java.nio.charset.Charset;

/**
 * COPY's text format (PostgreSQL "COPY", section "Text Format"): columns separated by a tab,
 * rows ended by a newline, NULL written {@code \N}, and a backslash escaping the backslash and
 * the control characters that would otherwise end a column or a row.
 *
 * <p>Escaping works on the encoded bytes: in every client encoding PostgreSQL allows, the ASCII
 * bytes of tab, newline, carriage return and backslash never occur inside a multi-byte
 * character, so no decoding is needed.
 */
final class TextRows {
    private TextRows() {
    }

    /** Appends one column value, escaped. */
    static void escape(byte[] value, ByteSink out) {
        out.ensure(value.length);
        for (byte b : value) {
            switch (b) {
                case '\\' -> { out.put('\\'); out.put('\\'); }
                case '\t' -> { out.put('\\'); out.put('t'); }
                case '\n' -> { out.put('\\'); out.put('n'); }
                case '\r' -> { out.put('\\'); out.put('r'); }
                default -> out.put(b);
            }
        }
    }

    static void writeNull(ByteSink out) {
        out.put('\\');
        out.put('N');
    }

    /**
     * Parses one row {@code data[from, to)} (without its newline) into values: null for
     * {@code \N}, else the unescaped bytes given to the column's loader, or decoded as a String
     * when there is none.
     */
    static Object[] parse(byte[] data, int from, int to, Loader<?>[] loaders, Charset cs, ByteSink scratch) {
        int columns = 1;
        for (int i = from; i < to; i++) {
            if (data[i] == '\t') {
                columns++;
            }
        }
        Object[] row = new Object[columns];
        int col = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || data[i] == '\t') {
                row[col] = value(data, start, i, loaders == null || col >= loaders.length ? null : loaders[col], cs, scratch);
                col++;
                start = i + 1;
            }
        }
        return row;
    }

    private static Object value(byte[] d, int from, int to, Loader<?> loader, Charset cs, ByteSink scratch) {
        if (to - from == 2 && d[from] == '\\' && d[from + 1] == 'N') {
            return null;
        }
        byte[] src = d;
        int off = from;
        int len = to - from;
        if (indexOf(d, from, to, (byte) '\\') >= 0) {
            scratch.clear();
            unescape(d, from, to, scratch);
            src = scratch.array();
            off = 0;
            len = scratch.size();
        }
        return loader == null ? new String(src, off, len, cs) : loader.load(src, off, len);
    }

    /** The backslash sequences of the text format: \b \f \n \r \t \v, octal \ooo, hex \xhh, else the next byte itself. */
    static void unescape(byte[] d, int from, int to, ByteSink out) {
        int i = from;
        while (i < to) {
            byte b = d[i++];
            if (b != '\\' || i == to) {
                out.put(b);
                continue;
            }
            byte c = d[i++];
            switch (c) {
                case 'b' -> out.put(8);
                case 'f' -> out.put(12);
                case 'n' -> out.put('\n');
                case 'r' -> out.put('\r');
                case 't' -> out.put('\t');
                case 'v' -> out.put(11);
                case 'x' -> {
                    int v = 0;
                    int n = 0;
                    while (n < 2 && i < to && Character.digit(d[i], 16) >= 0) {
                        v = v * 16 + Character.digit(d[i++], 16);
                        n++;
                    }
                    if (n == 0) {
                        out.put('x');
                    } else {
                        out.put(v);
                    }
                }
                default -> {
                    if (c >= '0' && c <= '7') {
                        int v = c - '0';
                        int n = 1;
                        while (n < 3 && i < to && d[i] >= '0' && d[i] <= '7') {
                            v = v * 8 + (d[i++] - '0');
                            n++;
                        }
                        out.put(v);
                    } else {
                        out.put(c);
                    }
                }
            }
        }
    }

    static int indexOf(byte[] d, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (d[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
