package io.tusk.internal.net;

import io.tusk.errors.OperationalException;
import io.tusk.internal.auth.GssClient;
import io.tusk.internal.auth.GssCredentials;
import io.tusk.internal.auth.GssSettings;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.frontend.GssEncRequest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * GSSAPI session encryption as libpq negotiates it (protocol "GSSAPI Session Encryption"): the
 * GSSENCRequest goes before any SSLRequest; the server answers {@code G} (then the client and
 * server exchange length-prefixed context tokens until the Kerberos context is established, and
 * every later byte travels wrapped) or {@code N} (the client goes on with sslmode on the same
 * connection, unless gssencmode=require).
 * <pre>{@code
 * GssEncryption plan = GssEncryption.plan(spec.gss(), false, "db.example.com", timeout);  // null: not tried
 * Outcome<SocketTransport> o = plan.negotiate(socket, this::reconnect);  // o.encrypted() null: go on with o.plain()
 * }</pre>
 *
 * <p>As libpq with {@code gssencmode=prefer}, encryption is only asked for when Kerberos
 * credentials look available, never over a Unix-domain socket, and a failed context is retried
 * without GSSAPI on a new connection.
 */
public final class GssEncryption {
    private final GssSettings settings;
    private final String host;
    private final GssCredentials credentials;
    private final Duration timeout;

    GssEncryption(GssSettings settings, String host, GssCredentials credentials, Duration timeout) {
        this.settings = settings;
        this.host = host;
        this.credentials = credentials;
        this.timeout = timeout;
    }

    /**
     * What to do for one attempt: null when GSSAPI encryption is not to be asked for.
     *
     * @param timeout the longest wait for the KDC during one context step (connect_timeout), or null
     * @throws OperationalException with {@code gssencmode=require} over a Unix-domain socket, or
     *         without valid Kerberos credentials
     */
    public static GssEncryption plan(GssSettings settings, boolean unixSocket, String host, Duration timeout) {
        GssSettings.EncMode mode = settings.encMode();
        if (mode == GssSettings.EncMode.DISABLE) {
            return null;
        }
        if (unixSocket) {
            if (mode == GssSettings.EncMode.REQUIRE) {
                throw new OperationalException("gssencmode=require cannot be used over a Unix-domain socket:"
                        + " give a host name (host=...) or use gssencmode=prefer");
            }
            return null;
        }
        if (mode == GssSettings.EncMode.PREFER && !GssCredentials.likelyAvailable(settings.caller())) {
            return null;
        }
        try {
            return new GssEncryption(settings, host, GssCredentials.acquire(settings.caller()), timeout);
        } catch (OperationalException e) {
            if (mode == GssSettings.EncMode.REQUIRE) {
                throw new OperationalException("gssencmode=require for server \"" + host + "\", but " + e.getMessage(),
                        e.getCause());
            }
            return null; // prefer: no usable ticket, as libpq when gss_acquire_cred fails
        }
    }

    /** Opens a new connection to the same address, for {@code prefer}'s second try without GSSAPI. */
    @FunctionalInterface
    public interface Redial<T extends Transport> {
        T connect() throws IOException;
    }

    /**
     * How the negotiation ended: {@code encrypted} is the GSSAPI-encrypted transport, or null when
     * the attempt goes on without it over {@code plain} (the same connection after {@code N}, a
     * new one after a failed context with {@code prefer}).
     */
    public record Outcome<T extends Transport>(Transport encrypted, T plain) {
    }

    /**
     * Asks the server for GSSAPI encryption on a fresh connection and establishes the context.
     * With {@code prefer}, a server that declines leaves the connection as it was, and a failed
     * context (no keytab on the server, no service ticket) is retried without GSSAPI on a new
     * connection, as libpq does.
     *
     * @throws IOException when the server declines or the exchange breaks and gssencmode=require
     * @throws OperationalException when Kerberos refuses (no ticket, KDC unreachable, wrong
     *         principal) and gssencmode=require
     */
    public <T extends Transport> Outcome<T> negotiate(T t, Redial<T> redial) throws IOException {
        try {
            Transport encrypted = negotiate(t);
            return new Outcome<>(encrypted, encrypted == null ? t : null);
        } catch (IOException | OperationalException e) {
            if (settings.encMode() == GssSettings.EncMode.REQUIRE || e instanceof Declined) {
                throw e;
            }
            t.close();
            return new Outcome<>(null, redial.connect());
        }
    }

    /** A server that refuses with gssencmode=require: never retried. */
    private static final class Declined extends IOException {
        private static final long serialVersionUID = 1L;

        Declined(String message) {
            super(message);
        }
    }

    private Transport negotiate(Transport t) throws IOException {
        WriteBuffer request = new WriteBuffer(16);
        GssEncRequest.INSTANCE.encode(request);
        t.out().write(request.array(), 0, request.size());
        t.out().flush();
        int answer = t.in().read();
        if (answer == 'N') {
            if (settings.encMode() == GssSettings.EncMode.REQUIRE) {
                throw new Declined("server \"" + host + "\" refused GSSAPI encryption (pg_hba.conf has no hostgssenc"
                        + " line for this client, or the server has no GSSAPI support), but gssencmode=require requires it");
            }
            return null;
        }
        if (answer == 'E') {
            throw new IOException("server \"" + host + "\" answered the GSSAPI encryption request with an error"
                    + " (PostgreSQL before 12 has no GSSAPI encryption): connect with gssencmode=disable");
        }
        if (answer != 'G') {
            throw new IOException(answer < 0 ? "server \"" + host + "\" closed the connection during GSSAPI encryption"
                    + " negotiation" : "server \"" + host + "\" answered the GSSAPI encryption request with an unexpected byte " + answer);
        }
        if (t.in().available() > 0) {
            // As after 'S' for TLS: bytes before the context exists could be injected (CVE-2021-23222).
            throw new IOException("server \"" + host + "\" sent unexpected data after accepting GSSAPI encryption");
        }
        GssClient gss = GssClient.start(credentials, settings.hostBasedService(host), true, timeout);
        try {
            byte[] token = gss.step(new byte[0]);
            while (true) {
                if (token.length > 0) {
                    GssEncryptedTransport.writePacket(t.out(), token);
                    t.out().flush();
                }
                if (gss.isEstablished()) {
                    break;
                }
                token = gss.step(readContextPacket(t.in()));
            }
            if (!gss.confidential()) {
                throw new IOException("the GSSAPI security context with server \"" + host + "\" offers no"
                        + " confidentiality: the session would not be encrypted");
            }
            return new GssEncryptedTransport(t, gss);
        } catch (IOException | RuntimeException e) {
            gss.close();
            throw e;
        }
    }

    /**
     * One context token from the server, or its error: a server that fails to accept the context
     * sends an ordinary ErrorResponse ('E', length, fields) instead, as libpq's
     * {@code pqsecure_open_gss} expects.
     */
    private static byte[] readContextPacket(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("the server closed the connection during GSSAPI encryption negotiation");
        }
        if (first == 'E') {
            int len = 0;
            for (int i = 0; i < 4; i++) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("the server closed the connection while sending an error");
                }
                len = len << 8 | b;
            }
            byte[] fields = in.readNBytes(Math.max(0, Math.min(len - 4, 30_000)));
            throw new IOException("the server refused the GSSAPI context: " + message(fields));
        }
        int len = first;
        for (int i = 0; i < 3; i++) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the server closed the connection during GSSAPI encryption negotiation");
            }
            len = len << 8 | b;
        }
        if (len <= 0 || len > GssEncryptedTransport.MAX_RECEIVE_PACKET - 4) {
            throw new IOException("the server sent a GSSAPI context token of " + len + " bytes");
        }
        byte[] token = in.readNBytes(len);
        if (token.length < len) {
            throw new EOFException("the server closed the connection in the middle of a GSSAPI context token");
        }
        return token;
    }

    /** The 'M' field of ErrorResponse fields, printable characters only (the server is not trusted yet). */
    private static String message(byte[] fields) {
        int i = 0;
        while (i < fields.length && fields[i] != 0) {
            byte code = fields[i++];
            int end = i;
            while (end < fields.length && fields[end] != 0) {
                end++;
            }
            if (code == 'M') {
                String m = new String(fields, i, end - i, StandardCharsets.UTF_8);
                return m.replaceAll("[^\\p{Print}]", "?");
            }
            i = end + 1;
        }
        return "(no message)";
    }
}
