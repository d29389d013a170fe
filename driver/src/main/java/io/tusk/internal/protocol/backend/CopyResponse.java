package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.ReadBuffer;

/**
 * CopyInResponse ('G'), CopyOutResponse ('H') and CopyBothResponse ('W'): the server is ready
 * to receive or send COPY data; the overall format (0 text, 1 binary) and each column's.
 */
public record CopyResponse(Direction direction, int format, int[] columnFormats) implements BackendMessage {
    public enum Direction { IN, OUT, BOTH }

    public static CopyResponse decode(Direction direction, ReadBuffer in) {
        String name = name(direction);
        int format = in.int1();
        if (format > 1) {
            throw new ProtocolViolation(name + " has an unknown overall format " + format + " (0 text or 1 binary)");
        }
        int n = in.int16();
        if (n < 0) {
            throw new ProtocolViolation(name + " has a negative column count " + n);
        }
        if (in.remaining() != 2 * n) {
            throw new ProtocolViolation(name + " announces " + n + " column formats but carries "
                    + in.remaining() + " bytes of them");
        }
        int[] formats = new int[n];
        for (int i = 0; i < n; i++) {
            formats[i] = in.int16();
            if (formats[i] != 0 && formats[i] != 1) {
                throw new ProtocolViolation(name + " column " + i + " has an unknown format code " + formats[i]);
            }
        }
        return new CopyResponse(direction, format, formats);
    }

    private static String name(Direction direction) {
        return switch (direction) {
            case IN -> "CopyInResponse";
            case OUT -> "CopyOutResponse";
            case BOTH -> "CopyBothResponse";
        };
    }
}
