package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/**
 * The FunctionCall message ('F'): the fast-path call of a function by OID, used for the
 * large-object functions.
 */
public record FunctionCall(int functionOid, int[] argumentFormats, byte[][] arguments, int resultFormat)
        implements FrontendMessage {
    @Override
    public void encode(WriteBuffer out) {
        out.beginMessage((byte) 'F').int32(functionOid).count16(argumentFormats.length, "argument format codes");
        for (int f : argumentFormats) {
            out.int16(f);
        }
        out.count16(arguments.length, "function arguments");
        for (byte[] a : arguments) {
            if (a == null) {
                out.int32(-1);
            } else {
                out.int32(a.length).bytes(a);
            }
        }
        out.int16(resultFormat).endMessage();
    }
}
