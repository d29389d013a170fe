package io.tusk.internal.connection;

import io.tusk.errors.OperationalException;
import io.tusk.internal.auth.AuthMethod;
import io.tusk.internal.auth.AuthPolicy;
import io.tusk.internal.auth.Md5Password;
import io.tusk.internal.auth.PasswordBytes;
import io.tusk.internal.auth.SaslChoice;
import io.tusk.internal.auth.ScramSha256Client;
import io.tusk.internal.net.Transport;
import io.tusk.internal.protocol.backend.Authentication;
import io.tusk.internal.protocol.frontend.FrontendMessage;
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

    public Authenticator(ConnectSpec spec, ConnectSpec.HostAttempt host, Transport transport) {
        this.spec = spec;
        this.host = host;
        this.transport = transport;
        this.policy = AuthPolicy.of(spec.requireAuth(), spec.channelBinding());
    }

    @Override
    public FrontendMessage respond(Authentication request) {
        if (request == Authentication.Ok.INSTANCE) {
            policy.checkFinished(used, clientFinished || scram != null && scram.isComplete(),
                    scram != null && scram.isChannelBound());
            return null;
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
            return new SaslResponse(scramInProgress().handleServerFirst(c.data()));
        }
        if (request instanceof Authentication.SaslFinal f) {
            scramInProgress().verifyServerFinal(f.data());
            return null;
        }
        if (request instanceof Authentication.Unsupported u) {
            throw new OperationalException("the server asks for " + u.methodName()
                    + " authentication, which Tusk does not support: configure pg_hba.conf with scram-sha-256 for this user");
        }
        throw new OperationalException("unexpected authentication request " + request);
    }

    private ScramSha256Client scramInProgress() {
        if (scram == null) {
            throw new io.tusk.internal.protocol.ProtocolViolation("SASL continuation without a SASL exchange");
        }
        return scram;
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

    @Override
    public void finished() {
        // AuthenticationOk already passed the policy's final check; nothing else is due.
    }
}
