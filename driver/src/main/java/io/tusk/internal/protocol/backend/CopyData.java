package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.ReadBuffer;

/** CopyData ('d') from the server: a chunk of COPY TO STDOUT data (often one row). */
public record CopyData(byte[] data) implements BackendMessage {
    public static CopyData decode(ReadBuffer in) {
        return new CopyData(in.rest());
    }
}
