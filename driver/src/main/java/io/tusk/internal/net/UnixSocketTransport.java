package io.tusk.internal.net;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * A Unix-domain socket connection (JDK 16+), as libpq uses for a host that is a directory.
 * TLS is never used over it, as with libpq.
 *
 * <p>The channel is non-blocking and waits in a selector, so that a read timeout works (a
 * blocking channel has none) and a read and a write may proceed from two threads at once (the
 * streams of {@code Channels} serialise them), which pipelining needs.
 */
public final class UnixSocketTransport implements Transport {
    private final SocketChannel channel;
    private final Path path;
    private final Selector readSelector;
    private final Selector writeSelector;
    private volatile long readTimeoutMillis;
    private final InputStream in = new ChannelIn();
    private final OutputStream out;

    private UnixSocketTransport(SocketChannel channel, Path path) throws IOException {
        this.channel = channel;
        this.path = path;
        channel.configureBlocking(false);
        this.readSelector = Selector.open();
        this.writeSelector = Selector.open();
        channel.register(readSelector, SelectionKey.OP_READ);
        channel.register(writeSelector, SelectionKey.OP_WRITE);
        this.out = new BufferedOutputStream(new ChannelOut(), 8192);
    }

    public static UnixSocketTransport connect(Path socketFile) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socketFile));
            return new UnixSocketTransport(ch, socketFile);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
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
        return false;
    }

    @Override
    public X509Certificate serverCertificate() {
        return null;
    }

    @Override
    public void readTimeout(Duration timeout) {
        readTimeoutMillis = timeout == null ? 0 : Math.max(1, timeout.toMillis());
    }

    @Override
    public String describe() {
        return path.toString();
    }

    @Override
    public void close() {
        try {
            channel.close();
            readSelector.close();
            writeSelector.close();
        } catch (IOException ignored) {
            // best effort
        }
    }

    private final class ChannelIn extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            ByteBuffer bb = ByteBuffer.wrap(b, off, len);
            long deadline = readTimeoutMillis == 0 ? 0 : System.nanoTime() + readTimeoutMillis * 1_000_000;
            while (true) {
                int n = channel.read(bb);
                if (n != 0) {
                    return n;
                }
                long wait = 0;
                if (deadline != 0) {
                    wait = (deadline - System.nanoTime()) / 1_000_000;
                    if (wait <= 0) {
                        throw new SocketTimeoutException("read timed out");
                    }
                }
                readSelector.select(wait);
                readSelector.selectedKeys().clear();
                if (!channel.isOpen()) {
                    throw new IOException("socket closed");
                }
                if (Thread.interrupted()) {
                    throw new InterruptedIOException();
                }
            }
        }

        @Override
        public int available() throws IOException {
            return 0;
        }
    }

    private final class ChannelOut extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer bb = ByteBuffer.wrap(b, off, len);
            while (bb.hasRemaining()) {
                if (channel.write(bb) == 0) {
                    writeSelector.select();
                    writeSelector.selectedKeys().clear();
                    if (!channel.isOpen()) {
                        throw new IOException("socket closed");
                    }
                }
            }
        }
    }
}
