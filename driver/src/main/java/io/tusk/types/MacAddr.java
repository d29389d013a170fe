package io.tusk.types;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A MAC address: PostgreSQL's {@code macaddr} (6 bytes, EUI-48) or {@code macaddr8} (8 bytes,
 * EUI-64). psycopg loads both as strings; here they keep their bytes.
 *
 * <pre>{@code
 * MacAddr m = MacAddr.parse("08:00:2b:01:02:03");
 * conn.execute("SELECT %s", m);   // a macaddr
 * m.toString();                   // 08:00:2b:01:02:03
 * }</pre>
 */
public final class MacAddr {
    private final byte[] bytes;

    private MacAddr(byte[] bytes) {
        if (bytes.length != 6 && bytes.length != 8) {
            throw new IllegalArgumentException("a MAC address has 6 (macaddr) or 8 (macaddr8) bytes, not "
                    + bytes.length);
        }
        this.bytes = bytes;
    }

    /** A MAC address of 6 or 8 bytes (copied). */
    public static MacAddr of(byte[] bytes) {
        return new MacAddr(bytes.clone());
    }

    /**
     * Reads hex digits in pairs, ignoring the separators PostgreSQL accepts ({@code :}, {@code -},
     * {@code .}): {@code 08:00:2b:01:02:03}, {@code 0800.2b01.0203}, {@code 08-00-2b-01-02-03-04-05}.
     */
    public static MacAddr parse(String text) {
        StringBuilder hex = new StringBuilder(16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.digit(c, 16) >= 0) {
                hex.append(c);
            } else if (c != ':' && c != '-' && c != '.') {
                throw new IllegalArgumentException("invalid MAC address \"" + text + "\"");
            }
        }
        if (hex.length() != 12 && hex.length() != 16) {
            throw new IllegalArgumentException("invalid MAC address \"" + text + "\": expected 6 or 8 bytes");
        }
        return new MacAddr(HexFormat.of().parseHex(hex));
    }

    /** The address's bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** 6 for macaddr, 8 for macaddr8. */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddr m && Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** {@code 08:00:2b:01:02:03}: PostgreSQL's output form. */
    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }
}
