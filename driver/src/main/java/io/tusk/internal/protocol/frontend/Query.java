package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/** The Query message ('Q') of the simple-query protocol: one or more statements as text. */
public record Query(String sql) implements FrontendMessage {
    @Override
    public void encode(WriteBuffer out) {
        out.beginMessage((byte) 'Q').cstring(sql).endMessage();
    }
}
