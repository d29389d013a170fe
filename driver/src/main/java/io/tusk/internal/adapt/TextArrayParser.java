package io.tusk.internal.adapt;

import io.tusk.adapt.Loader;
import io.tusk.errors.DataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads array_out's text form (PostgreSQL docs 8.15.6): {@code {a,"b c",NULL,{1,2}}}, with an
 * optional {@code [lo:hi]=} prefix when a lower bound is not 1. Elements are separated by the
 * element type's delimiter (a comma, or a semicolon for box). Quoted elements have {@code "}
 * and {@code \} escaped by a backslash; an unquoted NULL is SQL NULL. The delimiters are ASCII,
 * so parsing the bytes works in every ASCII-compatible client encoding.
 */
final class TextArrayParser {
    private final byte[] b;
    private final int end;
    private final Loader<?> element;
    private final byte delimiter;
    private int pos;
    private byte[] scratch = new byte[32];

    TextArrayParser(byte[] b, int off, int len, Loader<?> element, char delimiter) {
        this.delimiter = (byte) delimiter;
        this.b = b;
        this.pos = off;
        this.end = off + len;
        this.element = element;
    }

    /** The lower bound of each dimension given by a {@code [lo:hi]...=} prefix; null without one. */
    private int[] lowerBounds;
    private int[] upperBounds;
    private int[] lengths = new int[ArrayLoaders.MAX_DIMENSIONS];
    private int depthSeen;

    List<Object> parse() {
        if (pos < end && b[pos] == '[') {
            dimensions();
        }
        List<Object> out = list(0);
        if (pos != end) {
            throw error("unexpected text after the closing brace");
        }
        if (lowerBounds != null) {
            checkBounds(out);
        }
        return out;
    }

    /** The lower bounds of the {@code [lo:hi]} prefix, or null when there was none (all 1). */
    int[] lowerBounds() {
        return lowerBounds;
    }

    /** array_out's dimension decoration: {@code [lo:hi]} per dimension, then {@code =}. */
    private void dimensions() {
        int[] lo = new int[ArrayLoaders.MAX_DIMENSIONS];
        int[] hi = new int[ArrayLoaders.MAX_DIMENSIONS];
        int n = 0;
        while (pos < end && b[pos] == '[') {
            if (n == ArrayLoaders.MAX_DIMENSIONS) {
                throw error("more than " + ArrayLoaders.MAX_DIMENSIONS + " dimensions");
            }
            pos++;
            lo[n] = integer();
            expect(':');
            hi[n] = integer();
            expect(']');
            if ((long) hi[n] - lo[n] + 1 < 1 || (long) hi[n] - lo[n] + 1 > Integer.MAX_VALUE) {
                throw error("dimension [" + lo[n] + ":" + hi[n] + "] is empty or too large");
            }
            n++;
        }
        expect('=');
        lowerBounds = java.util.Arrays.copyOf(lo, n);
        upperBounds = java.util.Arrays.copyOf(hi, n);
    }

    private int integer() {
        int start = pos;
        if (pos < end && (b[pos] == '-' || b[pos] == '+')) {
            pos++;
        }
        while (pos < end && b[pos] >= '0' && b[pos] <= '9' && pos - start < 12) {
            pos++;
        }
        try {
            return Integer.parseInt(new String(b, start, pos - start, java.nio.charset.StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw error("invalid array bound");
        }
    }

    /** The prefix's dimensions must be those of the elements, as array_in requires. */
    private void checkBounds(List<Object> out) {
        if (depthSeen != lowerBounds.length) {
            throw error("the bounds give " + lowerBounds.length + " dimensions but the elements have " + depthSeen);
        }
        for (int i = 0; i < depthSeen; i++) {
            if ((long) upperBounds[i] - lowerBounds[i] + 1 != lengths[i]) {
                throw error("dimension " + (i + 1) + " is [" + lowerBounds[i] + ":" + upperBounds[i] + "] but has "
                        + lengths[i] + " elements");
            }
        }
    }

    private List<Object> list(int depth) {
        if (depth == ArrayLoaders.MAX_DIMENSIONS) {
            throw error("more than " + ArrayLoaders.MAX_DIMENSIONS + " dimensions");
        }
        expect('{');
        List<Object> items = new ArrayList<>();
        if (pos < end && b[pos] == '}') {
            pos++;
            return List.of();
        }
        depthSeen = Math.max(depthSeen, depth + 1);
        while (true) {
            if (pos >= end) {
                throw error("unterminated array");
            }
            if (b[pos] == '{') {
                items.add(list(depth + 1));
            } else if (b[pos] == '"') {
                items.add(quoted());
            } else {
                items.add(unquoted());
            }
            if (pos >= end) {
                throw error("unterminated array");
            }
            byte c = b[pos++];
            if (c == '}') {
                lengths[depth] = items.size();
                return Collections.unmodifiableList(items);
            }
            if (c != delimiter) {
                throw error("expected '" + (char) delimiter + "' or '}'");
            }
        }
    }

    private Object quoted() {
        pos++;
        int n = 0;
        while (true) {
            if (pos >= end) {
                throw error("unterminated quoted element");
            }
            byte c = b[pos++];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                if (pos >= end) {
                    throw error("unterminated quoted element");
                }
                c = b[pos++];
            }
            if (n == scratch.length) {
                scratch = java.util.Arrays.copyOf(scratch, n * 2);
            }
            scratch[n++] = c;
        }
        return element.load(scratch, 0, n);
    }

    private Object unquoted() {
        int start = pos;
        while (pos < end && b[pos] != delimiter && b[pos] != '}') {
            pos++;
        }
        int len = pos - start;
        if (len == 4 && (b[start] | 0x20) == 'n' && (b[start + 1] | 0x20) == 'u' && (b[start + 2] | 0x20) == 'l'
                && (b[start + 3] | 0x20) == 'l') {
            return null;
        }
        return element.load(b, start, len);
    }

    private void expect(char c) {
        if (pos >= end || b[pos] != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private DataException error(String what) {
        return new DataException("cannot load array text: " + what + " at byte " + pos);
    }
}
