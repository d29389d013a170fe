package io.tusk.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress of a COPY: rows, bytes and rows per second. On a terminal
 * ({@code System.console() != null}) one line redrawn in place with {@code \r} a few times a
 * second; otherwise (a pipe, a log, a CI job) a plain line every few seconds, so that logs stay
 * readable.
 *
 * <p>Example: {@code  1,234,567 rows  98.2 MB  412,345 rows/s}.
 */
final class Progress {
    private final PrintWriter err;
    private final boolean terminal;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long lastShown = start;
    private boolean drawn;

    Progress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
        this.intervalNanos = terminal ? 200_000_000L : 5_000_000_000L;
    }

    /** Called as data moves; shows the counts when the interval has passed. */
    void update(long rows, long bytes) {
        long now = System.nanoTime();
        if (now - lastShown < intervalNanos) {
            return;
        }
        lastShown = now;
        String line = line(rows, bytes, now - start);
        if (terminal) {
            err.print("\r" + line + "   ");
            drawn = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Clears the in-place line, if one was drawn; the caller prints the summary. */
    void done() {
        if (drawn) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }

    long elapsedNanos() {
        return System.nanoTime() - start;
    }

    static String line(long rows, long bytes, long nanos) {
        double seconds = Math.max(nanos, 1) / 1e9;
        return String.format(Locale.ROOT, "%,d rows  %s  %,d rows/s", rows, size(bytes), Math.round(rows / seconds));
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
