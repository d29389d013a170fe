package io.tusk.internal.net;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/** A TCP connection, optionally upgraded to TLS in place (after SSLRequest) or TLS from the first byte. */
public final class SocketTransport implements Transport {
    private Socket socket;
    /** The TCP socket under TLS: closing it aborts a write blocked inside the TLS layer. */
    private Socket rawSocket;
    private InputStream in;
    private OutputStream out;
    private final String description;

    private SocketTransport(Socket socket, String description) throws IOException {
        this.description = description;
        use(socket);
    }

    /**
     * Connects with TCP_NODELAY (each exchange is one write, so Nagle only adds latency) and the
     * keepalive settings the connection string asks for.
     */
    public static SocketTransport connect(InetSocketAddress address, Duration timeout, KeepAlive keepAlive)
            throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            keepAlive.apply(s);
            s.connect(address, timeout == null ? 0 : (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
            return new SocketTransport(s, (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort());
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void use(Socket s) throws IOException {
        if (rawSocket == null) {
            rawSocket = s;
        }
        this.socket = s;
        this.in = s.getInputStream();
        // Messages are already batched in a WriteBuffer; the buffer only joins tiny writes.
        this.out = new BufferedOutputStream(s.getOutputStream(), 8192);
    }

    /** Replaces the plain socket by the TLS socket layered over it. */
    public void upgrade(SSLSocket tls) throws IOException {
        use(tls);
    }

    public Socket socket() {
        return socket;
    }

    @Override
    public InputStream in() {
        return in;
    }

    @Override
    public OutputStream out() {
        return out;
    }

    @Override
    public boolean isTls() {
        return socket instanceof SSLSocket;
    }

    @Override
    public X509Certificate serverCertificate() {
        if (!(socket instanceof SSLSocket tls)) {
            return null;
        }
        try {
            Certificate[] chain = tls.getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? x : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    @Override
    public void readTimeout(Duration timeout) throws SocketException {
        socket.setSoTimeout(timeout == null ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
    }

    @Override
    public String describe() {
        return description;
    }

    /**
     * Closes the TCP socket first: closing a TLS socket sends close_notify, which waits for the
     * write lock a thread blocked in a write holds, and would hang. PostgreSQL needs no
     * close_notify (the session ends with Terminate or is being abandoned).
     */
    @Override
    public void close() {
        try {
            rawSocket.close();
        } catch (IOException ignored) {
            // Closing is best effort: the peer may already be gone.
        }
        if (socket != rawSocket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the underlying socket is already closed
            }
        }
    }

    /** The libpq keepalives* parameters that the JDK can apply. */
    public record KeepAlive(boolean enabled, Integer idleSeconds, Integer intervalSeconds, Integer count) {
        public static final KeepAlive DEFAULT = new KeepAlive(true, null, null, null);

        void apply(Socket s) throws IOException {
            s.setKeepAlive(enabled);
            if (!enabled) {
                return;
            }
            // jdk.net.ExtendedSocketOptions carries the per-socket values on Linux and macOS.
            setIfSupported(s.supportedOptions(), s::setOption, "TCP_KEEPIDLE", idleSeconds);
            setIfSupported(s.supportedOptions(), s::setOption, "TCP_KEEPINTERVAL", intervalSeconds);
            setIfSupported(s.supportedOptions(), s::setOption, "TCP_KEEPCOUNT", count);
        }

        /** The same settings on a channel of the asynchronous front end. */
        public void apply(java.nio.channels.NetworkChannel ch) throws IOException {
            ch.setOption(StandardSocketOptions.SO_KEEPALIVE, enabled);
            if (!enabled) {
                return;
            }
            setIfSupported(ch.supportedOptions(), ch::setOption, "TCP_KEEPIDLE", idleSeconds);
            setIfSupported(ch.supportedOptions(), ch::setOption, "TCP_KEEPINTERVAL", intervalSeconds);
            setIfSupported(ch.supportedOptions(), ch::setOption, "TCP_KEEPCOUNT", count);
        }

        private interface Setter {
            void set(java.net.SocketOption<Integer> option, Integer value) throws IOException;
        }

        @SuppressWarnings("unchecked")
        private static void setIfSupported(java.util.Set<java.net.SocketOption<?>> supported, Setter setter, String name,
                Integer value) throws IOException {
            if (value == null) {
                return;
            }
            for (java.net.SocketOption<?> o : supported) {
                if (o.name().equals(name) && o.type() == Integer.class) {
                    setter.set((java.net.SocketOption<Integer>) o, value);
                    return;
                }
            }
        }
    }

    static {
        // Referenced so the option class is known to be available on this JDK.
        StandardSocketOptions.TCP_NODELAY.name();
    }
}
