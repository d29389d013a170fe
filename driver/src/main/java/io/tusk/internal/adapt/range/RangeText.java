package io.tusk.internal.adapt.range;

import io.tusk.adapt.Loader;
import io.tusk.errors.DataException;
import io.tusk.types.Multirange;
import io.tusk.types.Range;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads range_out's and multirange_out's text (PostgreSQL docs 8.17.5): {@code empty},
 * {@code [1,5)}, {@code (,"2020-01-01 00:00:00"]}, {@code {[1,3),[5,7)}}. A bound may be quoted
 * ({@code ""} or {@code \"} inside quotes is a quote) and a backslash escapes the next character
 * anywhere; an absent bound is infinite. Delimiters are ASCII, so bytes are parsed directly.
 */
final class RangeText {
    private final byte[] b;
    private final int end;
    private final Loader<?> element;
    private int pos;
    private byte[] scratch = new byte[32];

    RangeText(byte[] b, int off, int len, Loader<?> element) {
        this.b = b;
        this.pos = off;
        this.end = off + len;
        this.element = element;
    }

    Range<Object> range() {
        Range<Object> r = next();
        if (pos != end) {
            throw error("unexpected text after the range");
        }
        return r;
    }

    Multirange<Object> multirange() {
        skipBlanks();
        expect('{');
        List<Range<Object>> ranges = new ArrayList<>();
        skipBlanks();
        if (pos < end && b[pos] == '}') {
            pos++;
        } else {
            while (true) {
                skipBlanks();
                ranges.add(next());
                skipBlanks();
                if (pos >= end) {
                    throw error("unterminated multirange");
                }
                byte c = b[pos++];
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }
        skipBlanks();
        if (pos != end) {
            throw error("unexpected text after the multirange");
        }
        return new Multirange<>(ranges);
    }

    private Range<Object> next() {
        if (end - pos >= 5 && (b[pos] | 0x20) == 'e' && new String(b, pos, 5).equalsIgnoreCase("empty")) {
            pos += 5;
            return Range.empty();
        }
        if (pos >= end || (b[pos] != '[' && b[pos] != '(')) {
            throw error("expected '[' or '('");
        }
        boolean lowerInc = b[pos++] == '[';
        Object lower = bound();
        expect(',');
        Object upper = bound();
        if (pos >= end || (b[pos] != ']' && b[pos] != ')')) {
            throw error("expected ']' or ')'");
        }
        boolean upperInc = b[pos++] == ']';
        return Range.of(lower, upper, (lowerInc ? "[" : "(") + (upperInc ? "]" : ")"));
    }

    private Object bound() {
        if (pos < end && (b[pos] == ',' || b[pos] == ']' || b[pos] == ')')) {
            return null;
        }
        int n = 0;
        boolean quoted = false;
        while (pos < end) {
            byte c = b[pos];
            if (!quoted && (c == ',' || c == ']' || c == ')')) {
                break;
            }
            pos++;
            if (c == '"') {
                if (quoted && pos < end && b[pos] == '"') {
                    pos++; // "" inside quotes: a literal quote
                } else {
                    quoted = !quoted;
                    continue;
                }
            } else if (c == '\\') {
                if (pos >= end) {
                    throw error("backslash at the end");
                }
                c = b[pos++];
            }
            if (n == scratch.length) {
                scratch = java.util.Arrays.copyOf(scratch, n * 2);
            }
            scratch[n++] = c;
        }
        if (quoted) {
            throw error("unterminated quoted bound");
        }
        return element.load(scratch, 0, n);
    }

    private void skipBlanks() {
        while (pos < end && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\n' || b[pos] == '\r')) {
            pos++;
        }
    }

    private void expect(char c) {
        if (pos >= end || b[pos] != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private DataException error(String what) {
        return new DataException("cannot load range text: " + what + " at byte " + pos);
    }
}
