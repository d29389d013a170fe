package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.ReadBuffer;

/** ParameterDescription ('t'): the type OIDs the server chose for a statement's parameters. */
public record ParameterDescription(int[] types) implements BackendMessage {
    public static ParameterDescription decode(ReadBuffer in) {
        int n = in.int16() & 0xffff;
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            types[i] = in.int32();
        }
        in.expectEnd();
        return new ParameterDescription(types);
    }
}
