package io.tusk.internal.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.OperationalException;
import io.tusk.internal.auth.GssSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The GSSENCRequest answers that need no Kerberos: N, an old server's error, injected bytes, a Unix socket. */
class GssEncryptionTest {
    private static final byte[] GSSENC_REQUEST = {0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x30};

    /** A transport whose server has already written {@code answer}. */
    private static final class Scripted implements Transport {
        final ByteArrayInputStream in;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean closed;

        Scripted(byte... answer) {
            in = new ByteArrayInputStream(answer);
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
        }

        @Override
        public String describe() {
            return "scripted";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static GssEncryption plan(GssSettings.EncMode mode) {
        return new GssEncryption(new GssSettings(mode, "postgres", null), "db.example.com", null, Duration.ofSeconds(5));
    }

    @Test
    void preferGoesOnOverTheSameConnectionWhenTheServerAnswersN() throws IOException {
        Scripted t = new Scripted((byte) 'N');
        GssEncryption.Outcome<Scripted> o = plan(GssSettings.EncMode.PREFER).negotiate(t, () -> {
            throw new AssertionError("no new connection after N");
        });
        assertNull(o.encrypted());
        assertSame(t, o.plain());
        assertArrayEquals(GSSENC_REQUEST, t.out.toByteArray());
    }

    @Test
    void requireRefusesAServerThatAnswersNNamingTheHost() {
        IOException e = assertThrows(IOException.class,
                () -> plan(GssSettings.EncMode.REQUIRE).negotiate(new Scripted((byte) 'N'), () -> null));
        assertTrue(e.getMessage().contains("server \"db.example.com\" refused GSSAPI encryption")
                && e.getMessage().contains("gssencmode=require"), e.getMessage());
    }

    @Test
    void bytesAfterGAreRefusedAsInjected() {
        IOException e = assertThrows(IOException.class,
                () -> plan(GssSettings.EncMode.REQUIRE).negotiate(new Scripted((byte) 'G', (byte) 0, (byte) 0, (byte) 0, (byte) 1), () -> null));
        assertTrue(e.getMessage().contains("unexpected data after accepting GSSAPI encryption"), e.getMessage());
    }

    @Test
    void preferRetriesWithoutGssOnANewConnectionAfterAnOldServersError() throws IOException {
        Scripted first = new Scripted((byte) 'E');
        Scripted second = new Scripted();
        GssEncryption.Outcome<Scripted> o = plan(GssSettings.EncMode.PREFER).negotiate(first, () -> second);
        assertNull(o.encrypted());
        assertSame(second, o.plain());
        assertTrue(first.closed);
    }

    @Test
    void requireNeverUsesAUnixSocketAndDisableNeverAsks() {
        OperationalException e = assertThrows(OperationalException.class,
                () -> GssEncryption.plan(new GssSettings(GssSettings.EncMode.REQUIRE, "postgres", null), true, "/tmp", null));
        assertTrue(e.getMessage().contains("Unix-domain socket"), e.getMessage());
        assertNull(GssEncryption.plan(GssSettings.DISABLED, false, "db", null));
        assertNull(GssEncryption.plan(new GssSettings(GssSettings.EncMode.PREFER, "postgres", null), true, "/tmp", null));
    }
}
