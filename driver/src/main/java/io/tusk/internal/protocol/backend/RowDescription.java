package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.ReadBuffer;
import java.util.function.Function;

/**
 * RowDescription ('T'): the name, type and format of every column of the coming rows.
 *
 * <p>A prepared statement's description is cached and used by every execution, so it carries
 * one slot for what the cursor layer derives from it (its {@code Column} list): derived once,
 * not per execution ({@link #derived}).
 */
public final class RowDescription implements BackendMessage {
    private final Field[] fields;
    private volatile Object derived;

    public RowDescription(Field[] fields) {
        this.fields = fields;
    }

    public Field[] fields() {
        return fields;
    }

    /**
     * What {@code make} derives from this description, made on first use and kept. Always the
     * same {@code make} (one caller owns the slot); a race makes it twice, harmlessly.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Function<RowDescription, T> make) {
        Object d = derived;
        if (d == null) {
            d = make.apply(this);
            derived = d;
        }
        return (T) d;
    }

    @Override
    public String toString() {
        return "RowDescription" + java.util.Arrays.toString(fields);
    }

    /**
     * One column: its name, the table and column it comes from (0 if none), its type OID, size
     * and modifier, and the format code (0 text, 1 binary) of its values.
     */
    public record Field(String name, int tableOid, int columnNumber, int typeOid, int typeSize, int typeModifier,
            int format) {
    }

    public static RowDescription decode(ReadBuffer in) {
        int n = in.int16() & 0xffff;
        // A field is at least 19 bytes (an empty name's NUL and 18 bytes of numbers): check
        // before allocating for n of them.
        if (in.remaining() < 19 * n) {
            throw new ProtocolViolation("RowDescription announces " + n + " columns but has only "
                    + in.remaining() + " bytes for them");
        }
        Field[] fields = new Field[n];
        for (int i = 0; i < n; i++) {
            fields[i] = new Field(in.cstring(), in.int32(), in.int16(), in.int32(), in.int16(), in.int32(), in.int16());
            if (fields[i].format() != 0 && fields[i].format() != 1) {
                throw new ProtocolViolation("RowDescription column " + i + " has an unknown format code " + fields[i].format());
            }
        }
        in.expectEnd();
        return new RowDescription(fields);
    }
}
