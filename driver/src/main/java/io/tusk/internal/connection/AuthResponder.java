package io.tusk.internal.connection;

import io.tusk.internal.protocol.backend.Authentication;
import io.tusk.internal.protocol.frontend.FrontendMessage;

/** Answers the server's authentication requests during start-up. */
public interface AuthResponder {
    /** The message to send for a request, or null when none is due (AuthenticationOk, SASLFinal). */
    FrontendMessage respond(Authentication request);

    /** Called at ReadyForQuery: checks that authentication ended as the policy requires. */
    void finished();
}
