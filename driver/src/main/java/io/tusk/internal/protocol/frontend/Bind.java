package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/**
 * The Bind message ('B'): a portal from a prepared statement with its parameter values
 * ({@code null} for SQL NULL) and the format codes of parameters and results
 * (0 text, 1 binary; one code applies to all, none means all text).
 */
public record Bind(String portal, String statement, int[] parameterFormats, byte[][] values, int[] resultFormats)
        implements FrontendMessage {
    @Override
    public void encode(WriteBuffer out) {
        out.beginMessage((byte) 'B').cstring(portal).cstring(statement);
        out.count16(parameterFormats.length, "parameter format codes");
        for (int f : parameterFormats) {
            out.int16(f);
        }
        out.count16(values.length, "parameters");
        for (byte[] v : values) {
            if (v == null) {
                out.int32(-1);
            } else {
                out.int32(v.length).bytes(v);
            }
        }
        out.count16(resultFormats.length, "result format codes");
        for (int f : resultFormats) {
            out.int16(f);
        }
        out.endMessage();
    }

    @Override
    public String toString() {
        return "Bind[portal=" + portal + ", statement=" + statement + ", " + values.length + " values]";
    }
}
