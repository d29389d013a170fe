package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.ReadBuffer;

/** FunctionCallResponse ('V'): the result of a fast-path call, or null for SQL NULL. */
public record FunctionCallResponse(byte[] result) implements BackendMessage {
    public static FunctionCallResponse decode(ReadBuffer in) {
        int len = in.int32();
        if (len < -1) {
            throw new ProtocolViolation("FunctionCallResponse has a negative result length " + len
                    + " (only -1, for NULL, is allowed)");
        }
        byte[] result = len == -1 ? null : in.bytes(len);
        in.expectEnd();
        return new FunctionCallResponse(result);
    }
}
