package io.tusk.jdbc.internal;

import io.tusk.errors.Diagnostic;
import java.sql.SQLWarning;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;

/**
 * Hands the notices a statement's execution raises (NoticeResponse, protocol section 55.2.6) to
 * that statement as {@link SQLWarning}s. One handler per native connection, registered once,
 * forwards to whichever statement is running: registering a handler per statement would keep
 * every statement that was never closed reachable from the connection.
 */
final class StatementWarnings implements Consumer<Diagnostic> {
    private static final Map<io.tusk.Connection, StatementWarnings> BY_CONNECTION = new WeakHashMap<>();

    /** Notices arrive on the thread that runs the statement, while it runs. */
    private volatile JdbcStatement running;

    private StatementWarnings() {
    }

    /** The collector of {@code conn}'s notices, registered on first use. */
    static StatementWarnings of(io.tusk.Connection conn) {
        synchronized (BY_CONNECTION) {
            StatementWarnings w = BY_CONNECTION.get(conn);
            if (w == null) {
                w = new StatementWarnings();
                conn.addNoticeHandler(w);
                BY_CONNECTION.put(conn, w);
            }
            return w;
        }
    }

    /** From now on notices go to {@code statement}; returns the statement they went to before. */
    JdbcStatement start(JdbcStatement statement) {
        JdbcStatement before = running;
        running = statement;
        return before;
    }

    /** Notices go back to {@code before} (null: nobody). */
    void end(JdbcStatement before) {
        running = before;
    }

    @Override
    public void accept(Diagnostic d) {
        JdbcStatement s = running;
        if (s != null) {
            s.addWarning(warning(d));
        }
    }

    /** As pgjdbc makes them: the notice's primary message and its SQLSTATE. */
    static SQLWarning warning(Diagnostic d) {
        return new SQLWarning(d.messagePrimary(), d.sqlstate());
    }
}
