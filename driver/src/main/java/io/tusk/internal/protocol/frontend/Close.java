package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/** The Close message ('C'): releases a prepared statement ('S') or a portal ('P'). */
public record Close(byte kind, String name) implements FrontendMessage {
    public static Close statement(String name) {
        return new Close((byte) 'S', name);
    }

    public static Close portal(String name) {
        return new Close((byte) 'P', name);
    }

    @Override
    public void encode(WriteBuffer out) {
        out.beginMessage((byte) 'C').int1(kind).cstring(name).endMessage();
    }
}
