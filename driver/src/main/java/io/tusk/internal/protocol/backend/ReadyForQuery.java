package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.ReadBuffer;

/**
 * ReadyForQuery ('Z'): the end of an exchange, with the transaction status: 'I' idle,
 * 'T' in a transaction block, 'E' in a failed transaction block.
 */
public enum ReadyForQuery implements BackendMessage {
    IDLE, IN_TRANSACTION, IN_ERROR;

    public static ReadyForQuery decode(ReadBuffer in) {
        int status = in.int1();
        in.expectEnd();
        return switch (status) {
            case 'I' -> IDLE;
            case 'T' -> IN_TRANSACTION;
            case 'E' -> IN_ERROR;
            default -> throw new ProtocolViolation("ReadyForQuery has an unknown transaction status "
                    + BackendDecoder.describe((byte) status) + " (expected 'I', 'T' or 'E')");
        };
    }
}
