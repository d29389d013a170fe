package io.tusk.internal.adapt.array;

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

    List<Object> parse() {
        if (pos < end && b[pos] == '[') {
            while (pos < end && b[pos] != '=') {
                pos++;
            }
            pos++;
        }
        List<Object> out = list();
        if (pos != end) {
            throw error("unexpected text after the closing brace");
        }
        return out;
    }

    private List<Object> list() {
        expect('{');
        List<Object> items = new ArrayList<>();
        if (pos < end && b[pos] == '}') {
            pos++;
            return List.of();
        }
        while (true) {
            if (pos >= end) {
                throw error("unterminated array");
            }
            if (b[pos] == '{') {
                items.add(list());
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
