package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/**
 * The CancelRequest, sent on a new connection: the backend's process id and its secret key
 * (4 bytes in protocol 3.0, up to 256 bytes in 3.2).
 */
public record CancelRequest(int processId, byte[] secretKey) implements FrontendMessage {
    public static final int CODE = 80877102;

    @Override
    public void encode(WriteBuffer out) {
        out.beginUntypedMessage().int32(CODE).int32(processId).bytes(secretKey).endMessage();
    }

    @Override
    public String toString() {
        return "CancelRequest[pid=" + processId + ", key=" + secretKey.length + " bytes]";
    }
}
