package io.tusk.adapt;

/**
 * The wire format of a value: psycopg's {@code PyFormat}. {@code AUTO} lets the dumper choose
 * (the {@code %s} placeholder), {@code TEXT} and {@code BINARY} force one ({@code %t}, {@code %b}).
 */
public enum Format {
    AUTO, TEXT, BINARY;

    /** The protocol's format code: 0 for text, 1 for binary. */
    public int code() {
        return this == BINARY ? 1 : 0;
    }

    public static Format ofCode(int code) {
        return code == 1 ? BINARY : TEXT;
    }
}
