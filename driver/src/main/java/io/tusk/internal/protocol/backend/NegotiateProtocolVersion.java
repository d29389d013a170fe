package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.ReadBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * NegotiateProtocolVersion ('v'): the newest minor version the server supports and the
 * {@code _pq_} options it did not recognise.
 */
public record NegotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions)
        implements BackendMessage {
    public static NegotiateProtocolVersion decode(ReadBuffer in) {
        int minor = in.int32();
        int n = in.int32();
        List<String> options = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            options.add(in.cstring());
        }
        in.expectEnd();
        return new NegotiateProtocolVersion(minor, List.copyOf(options));
    }
}
