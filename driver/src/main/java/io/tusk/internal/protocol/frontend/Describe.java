package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/** The Describe message ('D') of a prepared statement ('S') or a portal ('P'). */
public record Describe(byte kind, String name) implements FrontendMessage {
    public static Describe statement(String name) {
        return new Describe((byte) 'S', name);
    }

    public static Describe portal(String name) {
        return new Describe((byte) 'P', name);
    }

    @Override
    public void encode(WriteBuffer out) {
        out.beginMessage((byte) 'D').int1(kind).cstring(name).endMessage();
    }
}
