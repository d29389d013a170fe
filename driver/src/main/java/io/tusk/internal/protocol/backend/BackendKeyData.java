package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.ReadBuffer;

/**
 * BackendKeyData ('K'): the process id and the secret key a CancelRequest must present. The key
 * is 4 bytes in protocol 3.0 and up to 256 bytes in 3.2.
 */
public record BackendKeyData(int processId, byte[] secretKey) implements BackendMessage {
    public static BackendKeyData decode(ReadBuffer in) {
        int pid = in.int32();
        int len = in.remaining();
        if (len < 4 || len > 256) {
            throw new ProtocolViolation("BackendKeyData has a secret key of " + len + " bytes (4 to 256 allowed)");
        }
        return new BackendKeyData(pid, in.rest());
    }

    @Override
    public String toString() {
        return "BackendKeyData[pid=" + processId + ", key=" + secretKey.length + " bytes]";
    }
}
