package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.ReadBuffer;

/** ParameterDescription ('t'): the type OIDs the server chose for a statement's parameters. */
public record ParameterDescription(int[] types) implements BackendMessage {
    public static ParameterDescription decode(ReadBuffer in) {
        // Unsigned: a statement may have up to 65535 parameters.
        int n = in.int16() & 0xffff;
        if (in.remaining() != 4 * n) {
            throw new ProtocolViolation("ParameterDescription announces " + n + " parameter types but carries "
                    + in.remaining() + " bytes of them");
        }
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            types[i] = in.int32();
        }
        in.expectEnd();
        return new ParameterDescription(types);
    }
}
