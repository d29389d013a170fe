package io.tusk.cli;

import io.tusk.errors.DatabaseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * Turns an exception into the one line a user reads: the driver's messages already name what
 * was wrong and the fix; this adds the SQLSTATE of server errors and the cause of wrapped ones.
 *
 * <p>Example: {@code Failures.describe(e)} gives {@code "relation \"nope\" does not exist (SQLSTATE 42P01)"}.
 */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable e) {
        if (e instanceof UncheckedIOException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof NoSuchFileException f) {
            return "no such file: " + f.getFile();
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        // One line: a multi-line server message keeps its first line (DETAIL/HINT/CONTEXT follow in --verbose).
        int nl = message.indexOf('\n');
        message = nl < 0 ? message : message.substring(0, nl);
        if (e instanceof DatabaseException db && db.sqlstate() != null && !message.contains(db.sqlstate())) {
            message += " (SQLSTATE " + db.sqlstate() + ")";
        }
        if (e instanceof IOException && !(e instanceof NoSuchFileException)) {
            message = "I/O error: " + message;
        }
        return message;
    }
}
