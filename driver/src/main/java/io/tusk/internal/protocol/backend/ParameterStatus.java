package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.ReadBuffer;

/** ParameterStatus ('S'): the current value of a reported run-time parameter. */
public record ParameterStatus(String name, String value) implements BackendMessage {
    public static ParameterStatus decode(ReadBuffer in) {
        ParameterStatus m = new ParameterStatus(in.cstring(), in.cstring());
        in.expectEnd();
        return m;
    }
}
