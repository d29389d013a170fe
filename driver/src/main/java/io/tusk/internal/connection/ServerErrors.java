package io.tusk.internal.connection;

import io.tusk.errors.DatabaseException;
import io.tusk.errors.Diagnostic;
import io.tusk.errors.Errors;

/** Makes the exception for an ErrorResponse: the class of its SQLSTATE, with every field. */
public final class ServerErrors {
    private ServerErrors() {
    }

    public static DatabaseException of(Diagnostic diag) {
        return Errors.fromDiagnostic(io.tusk.internal.prepare.PoolerHint.explain(diag));
    }

    /** FATAL and PANIC end the session: the server closes the connection after sending them. */
    public static boolean endsSession(Diagnostic diag) {
        String s = diag.severityNonlocalized() != null ? diag.severityNonlocalized() : diag.severity();
        return "FATAL".equals(s) || "PANIC".equals(s);
    }
}
