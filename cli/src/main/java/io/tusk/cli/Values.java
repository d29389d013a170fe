package io.tusk.cli;

import java.util.HexFormat;

/**
 * How a loaded value is shown as text by the tool: as PostgreSQL would print it where the
 * Java value differs ({@code bytea} in hex, {@code t}/{@code f} stay Java's true/false).
 *
 * <p>Example: {@code Values.text(new byte[] {1, 2})} is {@code "\\x0102"}.
 */
final class Values {
    private Values() {
    }

    /** The value as text; null stays null (each format shows NULL its own way). */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] b) {
            return "\\x" + HexFormat.of().formatHex(b);
        }
        if (value instanceof Object[] a) {
            return java.util.Arrays.deepToString(a);
        }
        return value.toString();
    }
}
