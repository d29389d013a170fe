package io.tusk.internal.net;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * A connected byte stream to one server: a TCP socket, a Unix-domain socket, or either wrapped
 * in TLS. The protocol code above it only reads and writes bytes.
 */
public interface Transport extends Closeable {
    InputStream in();

    OutputStream out();

    /** True once TLS is negotiated. */
    boolean isTls();

    /** True when the session is encrypted with GSSAPI (gssencmode). */
    default boolean isGssEncrypted() {
        return false;
    }

    /** The server's leaf certificate over TLS (for SCRAM channel binding), else null. */
    X509Certificate serverCertificate();

    /** Read timeout for the next reads; null or zero waits for ever. */
    void readTimeout(Duration timeout) throws IOException;

    /** What this transport is connected to, for error messages: {@code 127.0.0.1:5432}, {@code /tmp/.s.PGSQL.5432}. */
    String describe();

    /** Closes at once, from any thread, making blocked reads and writes fail. */
    @Override
    void close();
}
