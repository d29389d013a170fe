package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.ReadBuffer;

/**
 * CopyInResponse ('G'), CopyOutResponse ('H') and CopyBothResponse ('W'): the server is ready
 * to receive or send COPY data; the overall format (0 text, 1 binary) and each column's.
 */
public record CopyResponse(Direction direction, int format, int[] columnFormats) implements BackendMessage {
    public enum Direction { IN, OUT, BOTH }

    public static CopyResponse decode(Direction direction, ReadBuffer in) {
        int format = in.int1();
        int n = in.int16();
        int[] formats = new int[Math.max(0, n)];
        for (int i = 0; i < formats.length; i++) {
            formats[i] = in.int16();
        }
        in.expectEnd();
        return new CopyResponse(direction, format, formats);
    }
}
