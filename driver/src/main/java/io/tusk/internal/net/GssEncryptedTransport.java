package io.tusk.internal.net;

import io.tusk.internal.auth.GssClient;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.ietf.jgss.GSSException;

/**
 * A session encrypted with GSSAPI (protocol "GSSAPI Session Encryption"): every packet on the
 * wire is a 4-byte big-endian length followed by a GSSAPI wrap token of that length, carrying
 * the protocol's bytes. Packets are at most 16 kB, as libpq's {@code PQ_GSS_MAX_PACKET_SIZE}
 * (the server refuses larger ones); received packets may be up to 64 kB, PostgreSQL 18's limit.
 */
public final class GssEncryptedTransport implements Transport {
    /** libpq's PQ_GSS_MAX_PACKET_SIZE: length word included. */
    static final int MAX_SEND_PACKET = 16384;
    /** PostgreSQL 18 raised the server's packets to 64 kB; older servers send at most 16 kB. */
    static final int MAX_RECEIVE_PACKET = 65536;

    private final Transport raw;
    private final GssClient gss;
    private final InputStream in = new Unwrapping();
    private final OutputStream out;

    GssEncryptedTransport(Transport raw, GssClient gss) {
        this.raw = raw;
        this.gss = gss;
        int maxPlain = gss.wrapSizeLimit(MAX_SEND_PACKET - 4);
        if (maxPlain <= 0) {
            throw new IllegalStateException("GSSAPI allows no payload in a " + MAX_SEND_PACKET + "-byte packet");
        }
        this.out = new Wrapping(maxPlain);
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
    public boolean isGssEncrypted() {
        return true;
    }

    @Override
    public X509Certificate serverCertificate() {
        return null;
    }

    @Override
    public void readTimeout(Duration timeout) throws IOException {
        raw.readTimeout(timeout);
    }

    @Override
    public String describe() {
        return raw.describe();
    }

    @Override
    public void close() {
        raw.close();
        gss.close();
    }

    /** Reads one whole packet from {@code in}: its length word, then the token. */
    static byte[] readPacket(InputStream in, int max) throws IOException {
        int len = 0;
        for (int i = 0; i < 4; i++) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            len = len << 8 | b;
        }
        if (len <= 0 || len > max - 4) {
            throw new IOException("the server sent a GSSAPI packet of " + len + " bytes, more than the "
                    + max + " allowed (protocol \"GSSAPI Session Encryption\")");
        }
        byte[] token = in.readNBytes(len);
        if (token.length < len) {
            throw new EOFException("the server closed the connection in the middle of a GSSAPI packet");
        }
        return token;
    }

    /** Writes one packet: length word and token, in one write. */
    static void writePacket(OutputStream out, byte[] token) throws IOException {
        byte[] packet = new byte[4 + token.length];
        packet[0] = (byte) (token.length >>> 24);
        packet[1] = (byte) (token.length >>> 16);
        packet[2] = (byte) (token.length >>> 8);
        packet[3] = (byte) token.length;
        System.arraycopy(token, 0, packet, 4, token.length);
        out.write(packet);
    }

    /** Plaintext from unwrapped packets. */
    private final class Unwrapping extends InputStream {
        private byte[] plain = new byte[0];
        private int pos;

        private boolean fill() throws IOException {
            while (pos >= plain.length) {
                byte[] token = readPacket(raw.in(), MAX_RECEIVE_PACKET);
                try {
                    plain = gss.unwrap(token, 0, token.length);
                } catch (GSSException e) {
                    throw new IOException("GSSAPI unwrap error: " + e.getMessage(), e);
                }
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            fill();
            return plain[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            fill();
            int n = Math.min(len, plain.length - pos);
            System.arraycopy(plain, pos, b, off, n);
            pos += n;
            return n;
        }

        /**
         * What is already decrypted, or 1 when encrypted bytes are waiting: a caller polling for a
         * message then reads, at worst waiting for the rest of a packet already on its way.
         */
        @Override
        public int available() throws IOException {
            int n = plain.length - pos;
            return n > 0 ? n : raw.in().available() > 0 ? 1 : 0;
        }
    }

    /** Plaintext cut into packets of at most {@code maxPlain} bytes, each wrapped at flush or when full. */
    private final class Wrapping extends OutputStream {
        private final byte[] buf;
        private int size;

        Wrapping(int maxPlain) {
            this.buf = new byte[maxPlain];
        }

        @Override
        public void write(int b) throws IOException {
            if (size == buf.length) {
                drain();
            }
            buf[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (size == buf.length) {
                    drain();
                }
                int n = Math.min(len, buf.length - size);
                System.arraycopy(b, off, buf, size, n);
                size += n;
                off += n;
                len -= n;
            }
        }

        private void drain() throws IOException {
            if (size == 0) {
                return;
            }
            byte[] token;
            try {
                token = gss.wrap(buf, 0, size);
            } catch (GSSException e) {
                throw new IOException("GSSAPI wrap error: " + e.getMessage(), e);
            }
            size = 0;
            writePacket(raw.out(), token);
        }

        @Override
        public void flush() throws IOException {
            drain();
            raw.out().flush();
        }
    }
}
