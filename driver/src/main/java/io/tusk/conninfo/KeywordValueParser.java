package io.tusk.conninfo;

import io.tusk.errors.ProgrammingException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the {@code key=value} form of a connection string, byte for byte as libpq's
 * {@code conninfo_parse} does (PostgreSQL docs, "Connection Strings", 32.1.1.1).
 *
 * <p>Whitespace may surround {@code =}; a value ends at unquoted whitespace; a value in single
 * quotes may hold whitespace; a backslash escapes the next character both inside and outside
 * quotes ({@code \'}, {@code \\}). A later key overrides an earlier one. Positions in messages are
 * 0-based character offsets into the string; libpq gives none, but they find the typo faster.
 */
final class KeywordValueParser {

    private final String text;
    private int pos;

    private KeywordValueParser(String text) {
        this.text = text;
    }

    static Map<String, String> parse(String text) {
        return new KeywordValueParser(text).parseAll();
    }

    /** C's {@code isspace} in the C locale, which is what libpq splits on. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }

    private Map<String, String> parseAll() {
        Map<String, String> params = new LinkedHashMap<>();
        int n = text.length();
        while (pos < n) {
            if (isSpace(text.charAt(pos))) {
                pos++;
                continue;
            }
            int keyStart = pos;
            while (pos < n && text.charAt(pos) != '=' && !isSpace(text.charAt(pos))) {
                pos++;
            }
            String key = text.substring(keyStart, pos);
            int keyEnd = pos;
            skipSpaces();
            if (pos >= n || text.charAt(pos) != '=') {
                throw new ProgrammingException("missing \"=\" after \"" + key
                        + "\" in connection info string at position " + keyEnd
                        + ": write key=value pairs separated by spaces, and quote values holding spaces");
            }
            pos++;
            skipSpaces();
            String value = pos < n && text.charAt(pos) == '\'' ? quotedValue() : plainValue();
            Params.check(key, value, " at position " + keyStart);
            params.put(key, value); // a repeated key: the last value wins, at the first position
        }
        return params;
    }

    private void skipSpaces() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    private String plainValue() {
        StringBuilder value = new StringBuilder();
        int n = text.length();
        while (pos < n) {
            char c = text.charAt(pos++);
            if (isSpace(c)) {
                break;
            }
            if (c == '\\') {
                if (pos < n) {
                    value.append(text.charAt(pos++));
                }
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private String quotedValue() {
        int open = pos++;
        StringBuilder value = new StringBuilder();
        int n = text.length();
        while (true) {
            if (pos >= n) {
                throw new ProgrammingException("unterminated quoted string in connection info string"
                        + " (the quote opened at position " + open + " is never closed;"
                        + " write a quote inside a value as \\')");
            }
            char c = text.charAt(pos++);
            if (c == '\\') {
                if (pos < n) {
                    value.append(text.charAt(pos++));
                }
            } else if (c == '\'') {
                return value.toString();
            } else {
                value.append(c);
            }
        }
    }
}
