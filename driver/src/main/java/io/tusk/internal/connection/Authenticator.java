package io.tusk.internal.connection;

import io.tusk.errors.OperationalException;
import io.tusk.internal.auth.AuthMethod;
import io.tusk.internal.auth.AuthPolicy;
import io.tusk.internal.auth.GssClient;
import io.tusk.internal.auth.GssCredentials;
import io.tusk.internal.auth.Md5Password;
import io.tusk.internal.auth.PasswordBytes;
import io.tusk.internal.auth.SaslChoice;
import io.tusk.internal.auth.ScramSha256Client;
import io.tusk.internal.net.Transport;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.backend.Authentication;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.protocol.frontend.GssResponse;
import io.tusk.internal.protocol.frontend.PasswordMessage;
import io.tusk.internal.protocol.frontend.SaslInitialResponse;
import io.tusk.internal.protocol.frontend.SaslResponse;

/**
 * Answers the server's authentication requests for one connection attempt with the classes of
 * {@code internal.auth}, after checking each request against require_auth and channel_binding.
 * The password is fetched only when the server asks for one, and its bytes are cleared after use.
 */
public final class Authenticator implements AuthResponder {
    private final ConnectSpec spec;
    private final ConnectSpec.HostAttempt host;
    private final Transport transport;
    private final AuthPolicy policy;
    private AuthMethod used = AuthMethod.NONE;
    private boolean clientFinished;
    private ScramSha256Client scram;
    private boolean saslContinued;
    private boolean saslFinished;
    private GssClient gss;

    public Authenticator(ConnectSpec spec, ConnectSpec.HostAttempt host, Transport transport) {
        this.spec = spec;
        this.host = host;
        this.transport = transport;
        this.policy = AuthPolicy.of(spec.requireAuth(), spec.channelBinding());
    }

    @Override
    public FrontendMessage respond(Authentication request) {
        if (request != Authentication.Ok.INSTANCE && !(request instanceof Authentication.SaslContinue)
                && !(request instanceof Authentication.SaslFinal) && !(request instanceof Authentication.GssContinue)
                && used != AuthMethod.NONE) {
            // One method per connection: a server that switches (say from SCRAM to a cleartext
            // password once it has the client's proof) is collecting what it should not have.
            throw new ProtocolViolation("the server sent " + StartupExchange.name(request) + " after "
                    + used.keyword()
                    + " authentication had begun; the connection is refused");
        }
        if (request == Authentication.Ok.INSTANCE) {
            if (used == AuthMethod.NONE && transport.isGssEncrypted() && policy.allows(AuthMethod.GSS)) {
                // libpq's check_expected_areq: a GSSAPI-encrypted session already authenticated
                // the client with Kerberos, and the server sends no AuthenticationGSS then.
                used = AuthMethod.GSS;
                clientFinished = true;
            }
            if (gss != null && !gss.isEstablished()) {
                closeGss();
                // Stricter than libpq without require_auth, as for SCRAM: mutual authentication was
                // asked for, and a server that skips its last token has not proved who it is.
                throw new OperationalException("GSSAPI: the server sent AuthenticationOk before the security context"
                        + " was established, without proving that it holds the key of " + spec.gss().hostBasedService(host.host())
                        + "; the connection is refused");
            }
            try {
                policy.checkFinished(used, clientFinished || scram != null && scram.isComplete()
                        || gss != null && gss.isEstablished(), scram != null && scram.isChannelBound());
            } finally {
                closeGss();
            }
            return null;
        }
        if (request == Authentication.Gss.INSTANCE) {
            policy.checkMethod(used = AuthMethod.GSS);
            gss = GssClient.start(GssCredentials.acquire(spec.gss().caller()), spec.gss().hostBasedService(host.host()), false,
                    spec.connectTimeout());
            return new GssResponse(gss.step(new byte[0]));
        }
        if (request instanceof Authentication.GssContinue c) {
            // RFC 2743 §2.2.1: tokens flow until the context is established, never after.
            if (gss == null || gss.isEstablished()) {
                throw new ProtocolViolation("the server sent AuthenticationGSSContinue out of order: "
                        + (gss == null ? "no GSSAPI exchange was started" : "the GSSAPI exchange had already finished"));
            }
            byte[] token = gss.step(c.data());
            return token.length == 0 ? null : new GssResponse(token);
        }
        if (request == Authentication.CleartextPassword.INSTANCE) {
            policy.checkMethod(used = AuthMethod.PASSWORD);
            byte[] pw = password();
            try {
                clientFinished = true;
                return new PasswordMessage(pw.clone());
            } finally {
                PasswordBytes.clear(pw);
            }
        }
        if (request instanceof Authentication.Md5Password md5) {
            policy.checkMethod(used = AuthMethod.MD5);
            byte[] pw = password();
            try {
                clientFinished = true;
                return new PasswordMessage(Md5Password.encode(spec.user(), pw, md5.salt()));
            } finally {
                PasswordBytes.clear(pw);
            }
        }
        if (request instanceof Authentication.Sasl sasl) {
            policy.checkMethod(used = AuthMethod.SCRAM_SHA_256);
            SaslChoice choice = policy.chooseSasl(sasl.mechanisms(), transport.isTls(), transport.serverCertificate());
            byte[] pw = password();
            try {
                scram = new ScramSha256Client(pw, choice);
            } finally {
                PasswordBytes.clear(pw);
            }
            return new SaslInitialResponse(scram.mechanism(), scram.clientFirstMessage());
        }
        if (request instanceof Authentication.SaslContinue c) {
            // RFC 5802 §3: exactly one server-first-message, answering the client-first-message.
            if (scram == null || saslContinued) {
                throw outOfOrder(request);
            }
            saslContinued = true;
            return new SaslResponse(scram.handleServerFirst(c.data()));
        }
        if (request instanceof Authentication.SaslFinal f) {
            // The server-final-message comes once, after the client-final-message.
            if (scram == null || !saslContinued || saslFinished) {
                throw outOfOrder(request);
            }
            saslFinished = true;
            scram.verifyServerFinal(f.data());
            return null;
        }
        if (request instanceof Authentication.Unsupported u) {
            throw new OperationalException("the server asks for " + u.methodName()
                    + " authentication, which Tusk does not support: configure pg_hba.conf with scram-sha-256 for this user");
        }
        throw new OperationalException("unexpected authentication request " + request);
    }

    private ProtocolViolation outOfOrder(Authentication request) {
        String state = scram == null ? "no SASL exchange was started"
                : !saslContinued ? "AuthenticationSASLContinue was expected"
                : saslFinished ? "the SASL exchange had already finished"
                : "AuthenticationSASLFinal was expected";
        return new ProtocolViolation("the server sent " + StartupExchange.name(request) + " out of order: " + state);
    }

    private byte[] password() {
        char[] pw = spec.password().apply(host);
        if (pw == null) {
            throw new OperationalException("the server asks for a password for user \"" + spec.user()
                    + "\" but none was given: set password in the connection string, PGPASSWORD or ~/.pgpass");
        }
        try {
            return PasswordBytes.utf8(pw);
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
    }

    private void closeGss() {
        if (gss != null) {
            gss.close();
        }
    }

    @Override
    public void finished() {
        // AuthenticationOk already passed the policy's final check; nothing else is due.
    }
}
