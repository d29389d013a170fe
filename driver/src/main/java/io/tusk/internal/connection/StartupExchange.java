package io.tusk.internal.connection;

import io.tusk.errors.Diagnostic;
import io.tusk.errors.OperationalException;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.Authentication;
import io.tusk.internal.protocol.backend.BackendKeyData;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.NegotiateProtocolVersion;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.protocol.frontend.StartupMessage;
import java.util.Map;

/**
 * The start of a session (protocol "Start-up"): StartupMessage, the authentication dialogue
 * (answered by an {@link AuthResponder}), BackendKeyData, and the first ReadyForQuery. A
 * NegotiateProtocolVersion from a server older than the version asked for is accepted when it
 * still satisfies {@code min_protocol_version}.
 */
public final class StartupExchange implements Exchange<StartupExchange> {
    private final int requestedVersion;
    private final int minimumVersion;
    private final Map<String, String> parameters;
    private final AuthResponder auth;
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
        if (m instanceof Authentication a) {
            FrontendMessage reply = auth.respond(a);
            if (reply != null) {
                reply.encode(out);
            }
        } else if (m instanceof BackendKeyData k) {
            keyData = k;
        } else if (m instanceof NegotiateProtocolVersion n) {
            int offered = (3 << 16) | n.minor();
            if (offered < minimumVersion) {
                failure = new OperationalException("the server supports protocol 3." + n.minor()
                        + " but min_protocol_version asks for 3." + (minimumVersion & 0xffff));
                return true;
            }
            protocolVersion = Math.min(offered, requestedVersion);
        } else if (m instanceof ErrorResponse e) {
            // Startup errors are FATAL: the server closes the connection after this message.
            error = e.diagnostic();
            return true;
        } else if (m instanceof ReadyForQuery r) {
            auth.finished();
            status = r;
            return true;
        } else {
            throw new ProtocolViolation("unexpected " + m.getClass().getSimpleName() + " during start-up");
        }
        return false;
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
