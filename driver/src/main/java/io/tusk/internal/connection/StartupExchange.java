package io.tusk.internal.connection;

import io.tusk.errors.Diagnostic;
import io.tusk.errors.OperationalException;
import io.tusk.errors.TuskException;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.UntrustedText;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.Authentication;
import io.tusk.internal.protocol.backend.BackendKeyData;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.NegotiateProtocolVersion;
import io.tusk.internal.protocol.backend.NotificationResponse;
import io.tusk.internal.protocol.backend.ParameterStatus;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.protocol.frontend.StartupMessage;
import java.util.Map;

/**
 * The start of a session (protocol "Start-up"): StartupMessage, the authentication dialogue
 * (answered by an {@link AuthResponder}), BackendKeyData, and the first ReadyForQuery. A
 * NegotiateProtocolVersion from a server older than the version asked for is accepted when it
 * still satisfies {@code min_protocol_version}.
 *
 * <p>Until AuthenticationOk the server is a stranger: as libpq's {@code PQconnectPoll}
 * (CONNECTION_AWAITING_RESPONSE) does, only an authentication request, an ErrorResponse or a
 * NegotiateProtocolVersion (first, once) is accepted; anything else, above all a ReadyForQuery
 * or BackendKeyData that would let a server skip authentication, is a {@link ProtocolViolation}.
 * AuthenticationOk itself passes only when the responder's policy is met (require_auth,
 * channel_binding=require, a verified SCRAM server signature). After it, no authentication
 * message may come again. Error and notice text received before AuthenticationOk is cleaned by
 * {@link UntrustedText}.
 */
public final class StartupExchange implements Exchange<StartupExchange> {
    private enum Stage { AWAITING_AUTH, AUTHENTICATED, READY }

    private final int requestedVersion;
    private final int minimumVersion;
    private final Map<String, String> parameters;
    private final AuthResponder auth;
    private Stage stage = Stage.AWAITING_AUTH;
    private boolean authRequested;
    private boolean negotiated;
    private int protocolVersion;
    private BackendKeyData keyData;
    private Diagnostic error;
    private RuntimeException failure;
    private ReadyForQuery status;

    public StartupExchange(int requestedVersion, int minimumVersion, Map<String, String> parameters, AuthResponder auth) {
        this.requestedVersion = requestedVersion;
        this.minimumVersion = minimumVersion;
        this.protocolVersion = requestedVersion;
        this.parameters = parameters;
        this.auth = auth;
    }

    @Override
    public void start(WriteBuffer out) {
        new StartupMessage(requestedVersion, parameters).encode(out);
    }

    @Override
    public boolean handle(BackendMessage m, WriteBuffer out) {
        try {
            return step(m, out);
        } catch (TuskException e) {
            throw e;
        } catch (RuntimeException e) {
            // Nothing but Tusk's exceptions may leave start-up: whatever the server made a part
            // of the client trip over is the server's fault.
            throw new ProtocolViolation("the server's " + name(m) + " during start-up could not be handled: " + e.getMessage());
        }
    }

    private boolean step(BackendMessage m, WriteBuffer out) {
        if (m instanceof ErrorResponse e && !e.notice()) {
            // Start-up errors are FATAL: the server closes the connection after this message.
            error = stage == Stage.AWAITING_AUTH ? UntrustedText.clean(e.diagnostic()) : e.diagnostic();
            return true;
        }
        if (stage == Stage.AWAITING_AUTH) {
            return beforeAuthenticationOk(m, out);
        }
        if (m instanceof Authentication a) {
            throw new ProtocolViolation("the server sent " + name(a) + " after AuthenticationOk;"
                    + " the connection is refused");
        }
        if (m instanceof BackendKeyData k) {
            if (keyData != null) {
                throw new ProtocolViolation("the server sent BackendKeyData twice during start-up");
            }
            keyData = k;
            return false;
        }
        if (m instanceof ReadyForQuery r) {
            auth.finished();
            status = r;
            stage = Stage.READY;
            return true;
        }
        throw new ProtocolViolation("unexpected " + name(m) + " during start-up");
    }

    private boolean beforeAuthenticationOk(BackendMessage m, WriteBuffer out) {
        if (m == Authentication.Ok.INSTANCE) {
            auth.respond(Authentication.Ok.INSTANCE); // throws unless the policy is met
            stage = Stage.AUTHENTICATED;
            return false;
        }
        if (m instanceof Authentication a) {
            authRequested = true;
            FrontendMessage reply = auth.respond(a);
            if (reply != null) {
                reply.encode(out);
            }
            return false;
        }
        if (m instanceof NegotiateProtocolVersion n) {
            if (negotiated || authRequested) {
                throw new ProtocolViolation("the server sent NegotiateProtocolVersion "
                        + (negotiated ? "twice" : "after an authentication request") + "; it may only answer the StartupMessage");
            }
            negotiated = true;
            int offered = (3 << 16) | n.minor();
            if (offered < minimumVersion) {
                failure = new OperationalException("the server supports protocol 3." + n.minor()
                        + " but min_protocol_version asks for 3." + (minimumVersion & 0xffff));
                return true;
            }
            protocolVersion = Math.min(offered, requestedVersion);
            return false;
        }
        if (m instanceof ReadyForQuery) {
            throw new ProtocolViolation("the server sent ReadyForQuery before AuthenticationOk"
                    + (authRequested ? ", without completing authentication" : ", skipping authentication")
                    + "; the connection is refused (is something else answering on this port?)");
        }
        throw new ProtocolViolation("expected an authentication request from the server, but received "
                + name(m) + " before AuthenticationOk");
    }

    /**
     * Screens a message that the front end consumes itself during start-up instead of passing
     * it to {@link #handle}: ParameterStatus and NotificationResponse are refused before
     * AuthenticationOk, and a NoticeResponse received then comes back with its text cleaned.
     *
     * @return the message to consume, possibly cleaned
     * @throws ProtocolViolation for a message the server may not send yet
     */
    public BackendMessage screen(BackendMessage m) {
        if (stage != Stage.AWAITING_AUTH) {
            return m;
        }
        if (m instanceof ErrorResponse e && e.notice()) {
            return new ErrorResponse(true, UntrustedText.clean(e.diagnostic()));
        }
        if (m instanceof ParameterStatus || m instanceof NotificationResponse) {
            throw new ProtocolViolation("expected an authentication request from the server, but received "
                    + name(m) + " before AuthenticationOk");
        }
        return m;
    }

    /** Whether AuthenticationOk was received and accepted. */
    public boolean authenticated() {
        return stage != Stage.AWAITING_AUTH;
    }

    /** The protocol name of a backend message, for error texts. */
    static String name(BackendMessage m) {
        if (m instanceof Authentication a) {
            if (a == Authentication.Ok.INSTANCE) {
                return "AuthenticationOk";
            }
            if (a == Authentication.CleartextPassword.INSTANCE) {
                return "AuthenticationCleartextPassword";
            }
            if (a instanceof Authentication.Md5Password) {
                return "AuthenticationMD5Password";
            }
            if (a instanceof Authentication.Sasl) {
                return "AuthenticationSASL";
            }
            if (a instanceof Authentication.SaslContinue) {
                return "AuthenticationSASLContinue";
            }
            if (a instanceof Authentication.SaslFinal) {
                return "AuthenticationSASLFinal";
            }
            if (a == Authentication.Gss.INSTANCE) {
                return "AuthenticationGSS";
            }
            if (a instanceof Authentication.GssContinue) {
                return "AuthenticationGSSContinue";
            }
            if (a instanceof Authentication.Unsupported u) {
                return "an authentication request for " + u.methodName();
            }
        }
        if (m instanceof ErrorResponse e) {
            return e.notice() ? "NoticeResponse" : "ErrorResponse";
        }
        return m.getClass().getSimpleName();
    }

    @Override
    public StartupExchange result() {
        if (failure != null) {
            throw failure;
        }
        if (error != null) {
            throw ServerErrors.of(error);
        }
        return this;
    }

    public int protocolVersion() {
        return protocolVersion;
    }

    public BackendKeyData keyData() {
        return keyData;
    }

    public ReadyForQuery status() {
        return status;
    }

    /** The server's error, if start-up failed with one (for sslmode fallbacks). */
    public Diagnostic error() {
        return error;
    }
}
