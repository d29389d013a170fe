package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.ReadBuffer;
import java.nio.charset.Charset;

/**
 * Decodes one backend message from its type byte and payload. The hot messages (DataRow,
 * CommandComplete, ReadyForQuery) come first in the switch, which the JIT compiles to a table.
 */
public final class BackendDecoder {
    private BackendDecoder() {
    }

    public static BackendMessage decode(byte type, byte[] buf, int off, int len, Charset charset) {
        // The hot messages of every statement, decoded without a ReadBuffer when well formed;
        // a malformed one goes the general way below, which names what is wrong.
        switch (type) {
            case 'D' -> {
                return DataRow.decode(buf, off, len);
            }
            case 'C' -> {
                if (len > 0 && buf[off + len - 1] == 0 && noNul(buf, off, len - 1)) {
                    return new CommandComplete(new String(buf, off, len - 1, charset));
                }
            }
            case 'Z' -> {
                if (len == 1 && (buf[off] == 'I' || buf[off] == 'T' || buf[off] == 'E')) {
                    return buf[off] == 'I' ? ReadyForQuery.IDLE
                            : buf[off] == 'T' ? ReadyForQuery.IN_TRANSACTION : ReadyForQuery.IN_ERROR;
                }
            }
            case '1' -> {
                if (len == 0) {
                    return ParseComplete.INSTANCE;
                }
            }
            case '2' -> {
                if (len == 0) {
                    return BindComplete.INSTANCE;
                }
            }
            default -> {
            }
        }
        ReadBuffer in = new ReadBuffer(buf, off, len, charset, name(type));
        return switch (type) {
            case 'C' -> CommandComplete.decode(in);
            case 'Z' -> ReadyForQuery.decode(in);
            case 'T' -> RowDescription.decode(in);
            case '1' -> empty(in, ParseComplete.INSTANCE);
            case '2' -> empty(in, BindComplete.INSTANCE);
            case '3' -> empty(in, CloseComplete.INSTANCE);
            case 'n' -> empty(in, NoData.INSTANCE);
            case 's' -> empty(in, PortalSuspended.INSTANCE);
            case 'I' -> empty(in, EmptyQueryResponse.INSTANCE);
            case 'c' -> empty(in, CopyDone.INSTANCE);
            case 't' -> ParameterDescription.decode(in);
            case 'E' -> ErrorResponse.decode(false, in);
            case 'N' -> ErrorResponse.decode(true, in);
            case 'S' -> ParameterStatus.decode(in);
            case 'A' -> NotificationResponse.decode(in);
            case 'd' -> CopyData.decode(in);
            case 'G' -> CopyResponse.decode(CopyResponse.Direction.IN, in);
            case 'H' -> CopyResponse.decode(CopyResponse.Direction.OUT, in);
            case 'W' -> CopyResponse.decode(CopyResponse.Direction.BOTH, in);
            case 'R' -> Authentication.decode(in);
            case 'K' -> BackendKeyData.decode(in);
            case 'V' -> FunctionCallResponse.decode(in);
            case 'v' -> NegotiateProtocolVersion.decode(in);
            default -> throw new ProtocolViolation("unknown message type " + describe(type));
        };
    }

    private static boolean noNul(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (buf[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private static BackendMessage empty(ReadBuffer in, BackendMessage m) {
        in.expectEnd();
        return m;
    }

    /**
     * The largest length word a message of this type can carry, or 0 when the type byte is no
     * backend message at all. The framer checks it as soon as the 5-byte header is in, so a
     * desynchronised stream is caught at once instead of after waiting for a bogus length.
     * Fixed-size messages have exact limits ("Message Formats": ReadyForQuery is Int32(5), the
     * completion messages Int32(4), BackendKeyData's key at most 256 bytes); the others are
     * limited only by the framer's maximum.
     */
    public static int lengthLimit(byte type) {
        return switch (type) {
            case '1', '2', '3', 'n', 's', 'I', 'c' -> 4;
            case 'Z' -> 5;
            case 'K' -> 4 + 4 + 256;
            case 'D', 'C', 'T', 't', 'E', 'N', 'S', 'A', 'd', 'G', 'H', 'W', 'R', 'V', 'v' -> Integer.MAX_VALUE;
            default -> 0;
        };
    }

    /** The type byte as a character when printable, else in hex: {@code 'Z'}, {@code 0x00}. */
    public static String describe(byte type) {
        return type >= 0x20 && type < 0x7f ? "'" + (char) type + "'" : String.format("0x%02x", type & 0xff);
    }

    /** The message's name for error texts. */
    public static String name(byte type) {
        return switch (type) {
            case 'D' -> "DataRow";
            case 'C' -> "CommandComplete";
            case 'Z' -> "ReadyForQuery";
            case 'T' -> "RowDescription";
            case '1' -> "ParseComplete";
            case '2' -> "BindComplete";
            case '3' -> "CloseComplete";
            case 'n' -> "NoData";
            case 's' -> "PortalSuspended";
            case 'I' -> "EmptyQueryResponse";
            case 'c' -> "CopyDone";
            case 't' -> "ParameterDescription";
            case 'E' -> "ErrorResponse";
            case 'N' -> "NoticeResponse";
            case 'S' -> "ParameterStatus";
            case 'A' -> "NotificationResponse";
            case 'd' -> "CopyData";
            case 'G' -> "CopyInResponse";
            case 'H' -> "CopyOutResponse";
            case 'W' -> "CopyBothResponse";
            case 'R' -> "Authentication";
            case 'K' -> "BackendKeyData";
            case 'V' -> "FunctionCallResponse";
            case 'v' -> "NegotiateProtocolVersion";
            default -> "message " + describe(type);
        };
    }
}
