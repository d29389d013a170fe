package io.tusk.internal.adapt.text;

import io.tusk.errors.DataException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * bytea's text forms (PostgreSQL docs 8.4 "Binary Data Types"): the hex format {@code \x0a1b}
 * (the default output since 9.0, and what is dumped) and the escape format, where bytes outside
 * printable ASCII are {@code \ooo} octal and a backslash is doubled ({@code bytea_output=escape}).
 */
public final class Bytea {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Bytea() {
    }

    public static byte[] hex(byte[] v) {
        byte[] out = new byte[2 + 2 * v.length];
        out[0] = '\\';
        out[1] = 'x';
        for (int i = 0; i < v.length; i++) {
            out[2 + 2 * i] = HEX[(v[i] >> 4) & 0xf];
            out[3 + 2 * i] = HEX[v[i] & 0xf];
        }
        return out;
    }

    public static byte[] bytes(ByteBuffer bb) {
        ByteBuffer d = bb.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }

    public static byte[] parse(byte[] b, int off, int len) {
        if (len >= 2 && b[off] == '\\' && b[off + 1] == 'x') {
            return parseHex(b, off + 2, len - 2);
        }
        return parseEscape(b, off, len);
    }

    private static byte[] parseHex(byte[] b, int off, int len) {
        byte[] out = new byte[len / 2];
        int n = 0;
        int i = off;
        int end = off + len;
        while (i < end) {
            // byteain allows whitespace between pairs.
            if (b[i] == ' ' || b[i] == '\n' || b[i] == '\t' || b[i] == '\r') {
                i++;
                continue;
            }
            if (i + 1 >= end) {
                throw new DataException("cannot load bytea: odd number of hex digits");
            }
            out[n++] = (byte) ((nibble(b[i]) << 4) | nibble(b[i + 1]));
            i += 2;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static int nibble(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new DataException("cannot load bytea: '" + (char) c + "' is not a hex digit");
    }

    private static byte[] parseEscape(byte[] b, int off, int len) {
        byte[] out = new byte[len];
        int n = 0;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (b[i] != '\\') {
                out[n++] = b[i];
            } else if (i + 1 < end && b[i + 1] == '\\') {
                out[n++] = '\\';
                i++;
            } else if (i + 3 < end && isOctal(b[i + 1]) && isOctal(b[i + 2]) && isOctal(b[i + 3])) {
                out[n++] = (byte) (((b[i + 1] - '0') << 6) | ((b[i + 2] - '0') << 3) | (b[i + 3] - '0'));
                i += 3;
            } else {
                throw new DataException("cannot load bytea: invalid escape at byte " + (i - off));
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean isOctal(byte c) {
        return c >= '0' && c <= '7';
    }
}
