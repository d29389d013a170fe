package io.tusk.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads PostgreSQL's text form of an array ({@code array_out} in {@code utils/adt/arrayfuncs.c}):
 * an optional dimension decoration {@code [1:2]=}, braces for each dimension, elements
 * separated by the element type's delimiter (a comma; {@code ;} for box), {@code NULL}
 * unquoted for NULL, and an element in double quotes (with backslash escapes) when it is empty,
 * holds a delimiter, brace, quote, backslash or white space, or reads NULL.
 *
 * <p>Example: {@code ArrayLiteral.parse("{{1,NULL},{\"a,b\",\"\"}}", ',')} is
 * {@code [["1", null], ["a,b", ""]]}.
 */
final class ArrayLiteral {
    private final String s;
    private final char delim;
    private int pos;

    private ArrayLiteral(String s, char delim) {
        this.s = s;
        this.delim = delim;
    }

    /** The nested lists of element texts (null for NULL); null when {@code text} is not an array literal. */
    static List<Object> parse(String text, char delim) {
        ArrayLiteral p = new ArrayLiteral(text, delim);
        try {
            if (text.startsWith("[")) {
                int eq = text.indexOf('=');
                if (eq < 0) {
                    return null;
                }
                p.pos = eq + 1;
            }
            List<Object> out = p.array();
            return p.pos == text.length() ? out : null;
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return null;
        }
    }

    private List<Object> array() {
        expect('{');
        List<Object> items = new ArrayList<>();
        skipSpace();
        if (s.charAt(pos) == '}') {
            pos++;
            return items;
        }
        while (true) {
            skipSpace();
            char c = s.charAt(pos);
            if (c == '{') {
                items.add(array());
            } else if (c == '"') {
                items.add(quoted());
            } else {
                items.add(unquoted());
            }
            skipSpace();
            char next = s.charAt(pos++);
            if (next == '}') {
                return items;
            }
            if (next != delim) {
                throw new IllegalArgumentException("expected '" + delim + "' at " + (pos - 1));
            }
        }
    }

    private String quoted() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                c = s.charAt(pos++);
            }
            sb.append(c);
        }
    }

    private String unquoted() {
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = s.charAt(pos);
            if (c == delim || c == '}') {
                break;
            }
            if (c == '\\') {
                c = s.charAt(++pos);
            } else if (c == '{' || c == '"') {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + pos);
            }
            sb.append(c);
            pos++;
        }
        String v = sb.toString().strip();
        return v.equalsIgnoreCase("NULL") ? null : v;
    }

    private void expect(char c) {
        if (s.charAt(pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos);
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }
}
