package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/**
 * The Parse message ('P'): a statement name ("" for the unnamed statement), the SQL with
 * {@code $n} placeholders, and the parameter type OIDs (0 lets the server infer the type).
 */
public record Parse(String statement, String sql, int[] parameterTypes) implements FrontendMessage {
    @Override
    public void encode(WriteBuffer out) {
        out.beginMessage((byte) 'P').cstring(statement).cstring(sql).count16(parameterTypes.length, "parameter types");
        for (int oid : parameterTypes) {
            out.int32(oid);
        }
        out.endMessage();
    }
}
