package io.tusk.internal.connection;

import io.tusk.internal.net.Transport;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.time.Duration;

/** A transport that is neither TLS nor connected: the flow under test never does I/O. */
final class PlainTransport implements Transport {
    private final boolean tls;

    PlainTransport() {
        this(false);
    }

    /** With {@code tls}, a transport that says it is encrypted but has no certificate to bind to. */
    PlainTransport(boolean tls) {
        this.tls = tls;
    }

    @Override
    public InputStream in() {
        throw new UnsupportedOperationException("sans-I/O test");
    }

    @Override
    public OutputStream out() {
        throw new UnsupportedOperationException("sans-I/O test");
    }

    @Override
    public boolean isTls() {
        return tls;
    }

    @Override
    public X509Certificate serverCertificate() {
        return null;
    }

    @Override
    public void readTimeout(Duration timeout) {
    }

    @Override
    public String describe() {
        return "scripted";
    }

    @Override
    public void close() {
    }
}
