package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.ReadBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * NegotiateProtocolVersion ('v'): the newest minor version the server supports and the
 * {@code _pq_} options it did not recognise.
 *
 * <p>Despite its name in the protocol documentation, the server sends the whole version
 * number there, major and minor, coded as in StartupMessage ({@code 0x00030000} for 3.0):
 * {@link #newestMinorVersion()} is that raw field and {@link #minor()} its minor part.
 */
public record NegotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions)
        implements BackendMessage {
    /** The minor protocol version the server offers: 0 for 3.0. */
    public int minor() {
        return newestMinorVersion & 0xffff;
    }

    public static NegotiateProtocolVersion decode(ReadBuffer in) {
        int minor = in.int32();
        int n = in.int32();
        // Every option is at least its NUL: a count above the bytes left is a corrupt message.
        if (n < 0 || n > in.remaining()) {
            throw new ProtocolViolation("NegotiateProtocolVersion announces " + n + " unrecognized options in "
                    + in.remaining() + " bytes");
        }
        List<String> options = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            options.add(in.cstring());
        }
        in.expectEnd();
        return new NegotiateProtocolVersion(minor, List.copyOf(options));
    }
}
