package io.tusk.internal.auth;

import io.tusk.errors.OperationalException;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.security.auth.Subject;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.MessageProp;
import org.ietf.jgss.Oid;

/**
 * The client side of a Kerberos V5 GSSAPI security context (RFC 4121) with the JDK's own JGSS,
 * for GSSAPI authentication (protocol "AuthenticationGSS") and GSSAPI session encryption.
 * <pre>{@code
 * GssClient gss = GssClient.start(GssCredentials.acquire(), "postgres@db.example.com", true, timeout);
 * byte[] first = gss.step(new byte[0]);   // the AP-REQ to send
 * byte[] none = gss.step(serverToken);    // the server's AP-REP: the context is established
 * }</pre>
 *
 * <p>The target is the host-based service {@code krbsrvname@host} ({@code GSS_C_NT_HOSTBASED_SERVICE}),
 * with mutual authentication as libpq asks, so a server that cannot prove it holds the key of
 * {@code krbsrvname/host@REALM} is refused. Each step may ask the KDC for a service ticket,
 * which can block for as long as the Kerberos library's own timeouts (kdc_timeout × max_retries
 * per KDC); steps therefore run on a helper thread and the caller waits at most the connect
 * timeout, so that a KDC that does not answer ends the attempt within {@code connect_timeout}.
 */
public final class GssClient implements AutoCloseable {
    /** The Kerberos V5 mechanism (RFC 1964). */
    private static final String KRB5 = "1.2.840.113554.1.2.2";

    private static final ExecutorService STEPS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tusk-gss");
        t.setDaemon(true);
        return t;
    });

    private final GSSContext context;
    private final Subject subject;
    private final String target;
    private final Duration timeout;

    private GssClient(GSSContext context, Subject subject, String target, Duration timeout) {
        this.context = context;
        this.subject = subject;
        this.target = target;
        this.timeout = timeout;
    }

    /**
     * A context for {@code hostBasedService} ({@code postgres@db.example.com}).
     *
     * @param credentials from {@link GssCredentials#acquire}
     * @param encryption whether the context will protect the session (confidentiality and
     *        integrity, replay and sequence detection), as libpq's {@code pqsecure_open_gss} asks
     * @param timeout the longest wait for one step (the KDC included); null waits as long as JGSS does
     */
    public static GssClient start(GssCredentials credentials, String hostBasedService, boolean encryption, Duration timeout) {
        try {
            GSSManager manager = GSSManager.getInstance();
            Oid krb5 = new Oid(KRB5);
            GSSName name = manager.createName(hostBasedService, GSSName.NT_HOSTBASED_SERVICE);
            GSSContext ctx = manager.createContext(name, krb5, null, GSSContext.DEFAULT_LIFETIME);
            ctx.requestMutualAuth(true);
            if (encryption) {
                ctx.requestConf(true);
                ctx.requestInteg(true);
                ctx.requestReplayDet(true);
                ctx.requestSequenceDet(true);
            }
            return new GssClient(ctx, credentials.subject(), hostBasedService, timeout);
        } catch (GSSException e) {
            throw failure(hostBasedService, e);
        }
    }

    /**
     * One round of context establishment: takes the server's token (empty for the first call)
     * and returns the token to send, or an empty array when there is none.
     *
     * @throws OperationalException when Kerberos refuses (no ticket, unknown principal, KDC
     *         unreachable, server not authenticated) or the step takes longer than the timeout
     */
    public byte[] step(byte[] serverToken) {
        if (context.isEstablished()) {
            throw new OperationalException("the server sent a GSSAPI token after the security context was"
                    + " established; the connection is refused");
        }
        PrivilegedExceptionAction<byte[]> init = () -> context.initSecContext(serverToken, 0, serverToken.length);
        Future<byte[]> f = STEPS.submit(() -> subject == null ? init.run() : Subject.doAs(subject, init));
        try {
            byte[] out = timeout == null ? f.get() : f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return out == null ? new byte[0] : out;
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new OperationalException("GSSAPI authentication for \"" + target + "\" did not finish within "
                    + timeout.toSeconds() + " s (connect_timeout): is the Kerberos KDC of the realm reachable?"
                    + " (kdc in krb5.conf)");
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new OperationalException("interrupted during GSSAPI authentication", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof PrivilegedActionException p ? p.getCause() : e.getCause();
            if (cause instanceof GSSException g) {
                throw failure(target, g);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new OperationalException("GSSAPI authentication for \"" + target + "\" failed: " + cause, cause);
        }
    }

    public boolean isEstablished() {
        return context.isEstablished();
    }

    /** Whether messages are encrypted, not only signed: required for a GSSAPI-encrypted session. */
    public boolean confidential() {
        return context.getConfState();
    }

    /** The name of the client's principal once established, for messages. */
    public String clientName() {
        try {
            return context.getSrcName().toString();
        } catch (GSSException e) {
            return "(unknown)";
        }
    }

    /**
     * The largest plaintext whose wrapped (encrypted) token fits in {@code maxToken} bytes.
     */
    public synchronized int wrapSizeLimit(int maxToken) {
        try {
            return context.getWrapSizeLimit(0, true, maxToken);
        } catch (GSSException e) {
            throw new OperationalException("GSSAPI: could not compute the wrap size limit: " + e.getMessage(), e);
        }
    }

    /** Encrypts one packet's worth of plaintext (RFC 4121 §4.2 Wrap token). */
    public synchronized byte[] wrap(byte[] plain, int offset, int length) throws GSSException {
        MessageProp prop = new MessageProp(0, true);
        byte[] token = context.wrap(plain, offset, length, prop);
        if (!prop.getPrivacy()) {
            throw new GSSException(GSSException.FAILURE, 0, "the wrapped packet is not encrypted");
        }
        return token;
    }

    /** Decrypts one packet, refusing a packet that was only signed. */
    public synchronized byte[] unwrap(byte[] token, int offset, int length) throws GSSException {
        MessageProp prop = new MessageProp(0, true);
        byte[] plain = context.unwrap(token, offset, length, prop);
        if (!prop.getPrivacy()) {
            throw new GSSException(GSSException.FAILURE, 0, "the server sent a packet that is not encrypted");
        }
        return plain;
    }

    @Override
    public synchronized void close() {
        try {
            context.dispose();
        } catch (GSSException ignored) {
            // nothing is left to release
        }
    }

    private static OperationalException failure(String target, GSSException e) {
        String text = String.valueOf(e.getMessage());
        String hint;
        if (text.contains("Server not found in Kerberos database")) {
            hint = ": the KDC knows no principal for this service; check krbsrvname and the host name (the server's"
                    + " principal is krbsrvname/host@REALM)";
        } else if (text.contains("Connection refused") || text.contains("timed out") || text.contains("Cannot locate KDC")) {
            hint = ": the Kerberos KDC of the realm could not be reached (kdc in krb5.conf; the JDK reads"
                    + " -Djava.security.krb5.conf, else /etc/krb5.conf)";
        } else if (e.getMajor() == GSSException.NO_CRED || e.getMajor() == GSSException.CREDENTIALS_EXPIRED) {
            hint = ": get a Kerberos ticket with kinit (KRB5CCNAME names the ticket cache)";
        } else if (e.getMajor() == GSSException.BAD_NAME || e.getMajor() == GSSException.BAD_NAMETYPE) {
            hint = ": check krbsrvname and the host name, the server's principal is krbsrvname/host@REALM";
        } else {
            hint = "";
        }
        return new OperationalException("GSSAPI authentication for service \"" + target + "\" failed: "
                + text + hint, e);
    }
}
