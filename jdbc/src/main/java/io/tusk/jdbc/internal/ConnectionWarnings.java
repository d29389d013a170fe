package io.tusk.jdbc.internal;

import io.tusk.errors.Diagnostic;
import java.sql.SQLWarning;
import java.util.function.Consumer;

/**
 * The warning chain of a connection: the server's notices (NOTICE, WARNING, ... as they arrive,
 * the protocol's NoticeResponse) and the driver's own warnings. A statement may take the notices
 * while it runs ({@link #redirect}), as pgjdbc puts them on the statement. At most {@link #LIMIT}
 * are kept, so a connection nobody clears does not grow without end.
 */
final class ConnectionWarnings {
    static final int LIMIT = 1000;

    private SQLWarning head;
    private SQLWarning tail;
    private int count;
    private volatile Consumer<SQLWarning> sink;

    /** The server sent a notice: to the redirect target if any, else to the chain. */
    void notice(Diagnostic d) {
        SQLWarning w = warning(d);
        Consumer<SQLWarning> s = sink;
        if (s != null) {
            s.accept(w);
        } else {
            add(w);
        }
    }

    synchronized void add(SQLWarning w) {
        if (count >= LIMIT) {
            return;
        }
        if (head == null) {
            head = w;
        } else {
            tail.setNextWarning(w);
        }
        tail = w;
        count++;
    }

    synchronized SQLWarning get() {
        return head;
    }

    synchronized void clear() {
        head = null;
        tail = null;
        count = 0;
    }

    Consumer<SQLWarning> redirect(Consumer<SQLWarning> to) {
        Consumer<SQLWarning> old = sink;
        sink = to;
        return old;
    }

    /** A notice as pgjdbc shows it: "SEVERITY: message", then Detail and Hint lines; its SQLSTATE kept. */
    static SQLWarning warning(Diagnostic d) {
        StringBuilder m = new StringBuilder();
        if (d.severity() != null) {
            m.append(d.severity()).append(": ");
        }
        m.append(d.messagePrimary() == null ? "" : d.messagePrimary());
        if (d.messageDetail() != null) {
            m.append("\n  Detail: ").append(d.messageDetail());
        }
        if (d.messageHint() != null) {
            m.append("\n  Hint: ").append(d.messageHint());
        }
        return new SQLWarning(m.toString(), d.sqlstate());
    }
}
