package io.tusk.internal.protocol;

import io.tusk.errors.Diagnostic;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes text from a server that has not yet authenticated safe to show: an ErrorResponse or
 * NoticeResponse before AuthenticationOk may come from anyone who can answer on the port (a fake
 * server, or a man in the middle under sslmode=prefer). libpq shows such text as it came; Tusk
 * still shows it, but
 * <ul>
 * <li>replaces CR, LF and TAB by a space, so it cannot forge further log lines;</li>
 * <li>replaces every other control character (C0, DEL, C1, and the Unicode bidirectional
 *     overrides and isolates) by a visible {@code \xNN} / {@code \\uNNNN} form, so it cannot
 *     send terminal escape sequences or reorder what a reader sees;</li>
 * <li>cuts each field at {@value #MAX_CHARS} characters, ending it with an ellipsis.</li>
 * </ul>
 */
public final class UntrustedText {
    /** The longest field kept; PostgreSQL's own start-up errors are well under 200 characters. */
    public static final int MAX_CHARS = 1000;

    private UntrustedText() {
    }

    /** The text made safe to print, at most {@value #MAX_CHARS} characters and an ellipsis; {@code null} for {@code null}. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_CHARS) + 8);
        int i = 0;
        for (; i < s.length() && b.length() < MAX_CHARS; i++) {
            char c = s.charAt(i);
            String replacement = replacement(c);
            if (replacement != null) {
                b.append(replacement);
            } else {
                b.append(c);
            }
        }
        if (i < s.length() || b.length() > MAX_CHARS) {
            b.setLength(Math.min(b.length(), MAX_CHARS));
            if (Character.isHighSurrogate(b.charAt(b.length() - 1))) {
                b.setLength(b.length() - 1);
            }
            b.append('\u2026');
        }
        return b.length() == s.length() && i == s.length() && b.toString().equals(s) ? s : b.toString();
    }

    /** Every field of a diagnostic made safe to print. */
    public static Diagnostic clean(Diagnostic d) {
        Map<Character, String> fields = new LinkedHashMap<>();
        for (Map.Entry<Character, String> f : d.fields().entrySet()) {
            fields.put(f.getKey(), clean(f.getValue()));
        }
        return Diagnostic.of(fields);
    }

    private static String replacement(char c) {
        if (c == '\r' || c == '\n' || c == '\t') {
            return " ";
        }
        if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0) {
            return String.format("\\x%02x", (int) c);
        }
        if (c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069' || c == '\u200e' || c == '\u200f') {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
