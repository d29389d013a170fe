package io.tusk.cli;

import io.tusk.errors.DatabaseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in the file a COPY failed. The server says it in the error's CONTEXT field
 * ({@code COPY items, line 500001, column price: "abc"}; {@code CopyFromErrorCallback} in
 * PostgreSQL's {@code commands/copyfrom.c}), counting lines from the start of the data it
 * received, the CSV header line included: for a file sent whole, that is the file's line. (A
 * CSV value with a line break inside counts as one line there.)
 *
 * <p>Example: {@code items.csv line 500,001: extra data after last expected column (SQLSTATE 22P04)}.
 */
final class CopyErrors {
    private static final Pattern CONTEXT = Pattern.compile("COPY [^\\n]*?, line (\\d+)(?:, column ([^:\\n]+))?");

    private CopyErrors() {
    }

    /** The error with the file's line and column in front of the server's message; {@code e} itself when the server named no line. */
    static RuntimeException locate(DatabaseException e, String source, boolean header) {
        String context = e.diag() == null ? null : e.diag().context();
        Matcher m = context == null ? null : CONTEXT.matcher(context);
        if (m == null || !m.find()) {
            return e;
        }
        long line = Long.parseLong(m.group(1));
        String where = String.format(Locale.ROOT, "%s line %,d", source, line) + (m.group(2) == null ? "" : ", column " + m.group(2));
        return new CliException(where + ": " + Failures.describe(e), e);
    }
}
