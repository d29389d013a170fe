package io.tusk.internal.net;

import java.io.IOException;
import java.util.Locale;

/**
 * The client's reading of the server's one-byte answer to SSLRequest (protocol "SSL Session
 * Encryption"), shared by the blocking and the non-blocking dialers.
 */
public final class TlsRequest {
    private TlsRequest() {
    }

    /**
     * Whether to start the TLS handshake ({@code 'S'}) or go on in plain text ({@code 'N'},
     * where sslmode allows it); {@code moreBytes} says the server sent anything after its answer.
     *
     * @throws IOException for any other answer, or for plain text where sslmode requires TLS
     */
    public static boolean handshake(int answer, boolean moreBytes, TlsSettings.Mode mode) throws IOException {
        if (answer < 0) {
            throw new IOException("the server closed the connection during TLS negotiation");
        }
        if (moreBytes) {
            // Bytes after the answer and before the handshake (or the start-up) could be injected
            // by a man in the middle (CVE-2021-23222).
            throw new IOException("the server sent unexpected data after answering the TLS request");
        }
        if (answer == 'S') {
            return true;
        }
        if (answer != 'N') {
            throw new IOException("the server answered the TLS request with an unexpected byte " + answer);
        }
        if (mode == TlsSettings.Mode.PREFER || mode == TlsSettings.Mode.ALLOW) {
            return false;
        }
        throw new IOException("the server does not support TLS, but sslmode="
                + mode.name().toLowerCase(Locale.ROOT).replace('_', '-') + " requires it");
    }
}
