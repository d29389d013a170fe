package io.tusk.internal.adapt.composite;

import io.tusk.errors.DataException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * record_out's text form (PostgreSQL docs 8.16.6) split into field values, and record_in's
 * quoting for writing it: {@code (1,"a b",,"")} is 1, {@code a b}, NULL and the empty string. In
 * quotes {@code ""} is a quote; a backslash escapes the next character anywhere.
 */
final class RecordText {
    private RecordText() {
    }

    /** The fields' bytes, null for NULL. */
    static List<byte[]> split(byte[] b, int off, int len) {
        int end = off + len;
        if (len < 2 || b[off] != '(' || b[end - 1] != ')') {
            throw new DataException("cannot load composite text: it must be in parentheses");
        }
        List<byte[]> out = new ArrayList<>();
        int pos = off + 1;
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        while (true) {
            field.reset();
            boolean quotedOrEscaped = false;
            boolean quoted = false;
            while (pos < end - 1) {
                byte c = b[pos];
                if (!quoted && c == ',') {
                    break;
                }
                pos++;
                if (c == '"') {
                    quotedOrEscaped = true;
                    if (quoted && pos < end - 1 && b[pos] == '"') {
                        pos++;
                        field.write('"');
                    } else {
                        quoted = !quoted;
                    }
                } else if (c == '\\' && pos < end - 1) {
                    quotedOrEscaped = true;
                    field.write(b[pos++]);
                } else {
                    field.write(c);
                }
            }
            if (quoted) {
                throw new DataException("cannot load composite text: unterminated quoted field");
            }
            out.add(field.size() == 0 && !quotedOrEscaped ? null : field.toByteArray());
            if (pos >= end - 1) {
                return out;
            }
            pos++; // the comma
        }
    }

    /** Appends a field as record_in reads it: nothing for NULL, quoted when it has to be. */
    static void writeField(byte[] v, ByteArrayOutputStream out) {
        if (v == null) {
            return;
        }
        boolean quote = v.length == 0;
        for (byte c : v) {
            if (c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || c == ' ' || c == '\t' || c == '\n'
                    || c == '\r' || c == 0x0b || c == '\f') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            out.writeBytes(v);
            return;
        }
        out.write('"');
        for (byte c : v) {
            if (c == '"' || c == '\\') {
                out.write(c); // doubled, as record_out writes it
            }
            out.write(c);
        }
        out.write('"');
    }

    static byte[] copy(byte[] b, int off, int len) {
        return Arrays.copyOfRange(b, off, off + len);
    }
}
