package io.tusk.types;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A PostgreSQL {@code bit(n)} or {@code bit varying(n)} value: a string of bits whose length
 * matters (a {@link BitSet} has none). Bit 0 is the leftmost, as in SQL's {@code B'1010'}.
 *
 * <pre>{@code
 * BitString b = BitString.parse("10110");
 * b.get(0);        // true
 * b.length();      // 5
 * conn.execute("SELECT %s::bit(5)", b);
 * }</pre>
 */
public final class BitString {
    private final int length;
    private final byte[] bytes; // big-endian, padding bits zero: varbit_send's layout

    private BitString(int length, byte[] bytes) {
        this.length = length;
        this.bytes = bytes;
    }

    /** Reads a string of {@code 0} and {@code 1}. */
    public static BitString parse(String bits) {
        byte[] b = new byte[(bits.length() + 7) / 8];
        for (int i = 0; i < bits.length(); i++) {
            char c = bits.charAt(i);
            if (c == '1') {
                b[i / 8] |= (byte) (0x80 >>> (i % 8));
            } else if (c != '0') {
                throw new IllegalArgumentException("invalid bit string \"" + bits + "\": only 0 and 1 are allowed");
            }
        }
        return new BitString(bits.length(), b);
    }

    /** {@code length} bits, bit i set when {@code set.get(i)}. */
    public static BitString of(BitSet set, int length) {
        if (length < 0 || set.length() > length) {
            throw new IllegalArgumentException("a BitSet with bits up to " + set.length() + " does not fit "
                    + length + " bits");
        }
        byte[] b = new byte[(length + 7) / 8];
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            b[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return new BitString(length, b);
    }

    /** From varbit's binary layout: {@code length} bits, most significant first; padding is cleared. */
    public static BitString ofBytes(byte[] bytes, int length) {
        if (length < 0 || bytes.length != (length + 7) / 8) {
            throw new IllegalArgumentException(length + " bits need " + (length + 7) / 8 + " bytes, not " + bytes.length);
        }
        byte[] b = bytes.clone();
        if (length % 8 != 0) {
            b[b.length - 1] &= (byte) (0xff << (8 - length % 8));
        }
        return new BitString(length, b);
    }

    public int length() {
        return length;
    }

    public boolean get(int i) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException("bit " + i + " of a " + length + "-bit string");
        }
        return (bytes[i / 8] & (0x80 >>> (i % 8))) != 0;
    }

    /** The bits, most significant first, padded with zeros to whole bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    public BitSet toBitSet() {
        BitSet s = new BitSet(length);
        for (int i = 0; i < length; i++) {
            if (get(i)) {
                s.set(i);
            }
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitString b && b.length == length && Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * length + Arrays.hashCode(bytes);
    }

    /** {@code 10110}: the server's text form. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(get(i) ? '1' : '0');
        }
        return s.toString();
    }
}
