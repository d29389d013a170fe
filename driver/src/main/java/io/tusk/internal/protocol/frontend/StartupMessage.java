package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;
import java.util.Map;

/**
 * The StartupMessage: the protocol version and the session parameters (user, database,
 * options, application_name, {@code _pq_.*} extensions), each a pair of NUL-terminated strings,
 * closed by an empty name.
 */
public record StartupMessage(int protocolVersion, Map<String, String> parameters) implements FrontendMessage {
    /** Protocol 3.0. */
    public static final int PROTOCOL_3_0 = 3 << 16;
    /** Protocol 3.2 (PostgreSQL 18): long cancel keys. */
    public static final int PROTOCOL_3_2 = (3 << 16) | 2;

    @Override
    public void encode(WriteBuffer out) {
        out.beginUntypedMessage().int32(protocolVersion);
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            out.cstring(e.getKey()).cstring(e.getValue());
        }
        out.int1(0).endMessage();
    }

    @Override
    public String toString() {
        // Parameters carry no secret (the password travels in PasswordMessage), but keep it short.
        return "StartupMessage[version=" + (protocolVersion >> 16) + "." + (protocolVersion & 0xffff)
                + ", parameters=" + parameters.keySet() + "]";
    }
}
