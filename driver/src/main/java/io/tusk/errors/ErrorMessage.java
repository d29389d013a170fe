package io.tusk.errors;

/**
 * The text of an exception made from a server error: what psycopg's {@code str(e)} shows.
 *
 * <p>psycopg takes libpq's {@code PQresultErrorMessage()} and strips the leading
 * {@code "ERROR:  "} and the trailing newline. libpq builds that message in
 * {@code pqBuildErrorMessage3()} (fe-protocol3.c) at the default verbosity: the primary message,
 * then {@code DETAIL:}, {@code HINT:}, {@code QUERY:} and {@code CONTEXT:} lines, each label
 * followed by two spaces. When libpq does not know the statement's text it appends
 * {@code " at character N"} to the primary message; Tusk never puts statement text in a
 * message (it may hold a password), so it always does that and does not draw libpq's
 * {@code LINE n:} caret display.
 */
final class ErrorMessage {
    private ErrorMessage() {
    }

    static String format(Diagnostic diag) {
        String primary = diag.messagePrimary();
        StringBuilder s = new StringBuilder(primary == null ? "error from the server" : primary);
        String position = diag.statementPosition();
        if (position == null && diag.internalQuery() == null) {
            // libpq shows an internal position under the internal query when it has one.
            position = diag.internalPosition();
        }
        if (position != null) {
            s.append(" at character ").append(position);
        }
        line(s, "DETAIL", diag.messageDetail());
        line(s, "HINT", diag.messageHint());
        line(s, "QUERY", diag.internalQuery());
        line(s, "CONTEXT", diag.context());
        return s.toString().strip();
    }

    private static void line(StringBuilder s, String label, String value) {
        if (value != null) {
            s.append('\n').append(label).append(":  ").append(value);
        }
    }
}
