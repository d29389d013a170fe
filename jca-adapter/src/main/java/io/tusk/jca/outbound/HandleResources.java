package io.tusk.jca.outbound;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.LargeObject;
import io.tusk.Notify;
import io.tusk.errors.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an application opened through one connection handle and must not outlive it: cursors and
 * large objects (closed with the handle) and notice/notification handlers (removed from the
 * session, which the pool gives to someone else next). Jakarta Connectors 2.1, 6.5.4.4: after
 * {@code cleanup()} nothing of the previous user may remain attached to the session.
 *
 * <pre>{@code
 * Cursor<Row> cur = resources.track(physical.cursor());
 * resources.release(physical);   // closes cur, removes the handlers
 * }</pre>
 */
final class HandleResources {
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Consumer<Diagnostic>> noticeHandlers = new ArrayList<>();
    private final List<Consumer<Notify>> notifyHandlers = new ArrayList<>();

    /** Remembers a cursor or large object; finished ones are forgotten now and then. */
    synchronized <C extends AutoCloseable> C track(C resource) {
        if (open.size() >= 64) {
            open.removeIf(HandleResources::isFinished);
        }
        open.add(resource);
        return resource;
    }

    synchronized void addNoticeHandler(Connection session, Consumer<Diagnostic> handler) {
        noticeHandlers.add(handler);
        session.addNoticeHandler(handler);
    }

    synchronized void removeNoticeHandler(Connection session, Consumer<Diagnostic> handler) {
        noticeHandlers.remove(handler);
        session.removeNoticeHandler(handler);
    }

    synchronized void addNotifyHandler(Connection session, Consumer<Notify> handler) {
        notifyHandlers.add(handler);
        session.addNotifyHandler(handler);
    }

    synchronized void removeNotifyHandler(Connection session, Consumer<Notify> handler) {
        notifyHandlers.remove(handler);
        session.removeNotifyHandler(handler);
    }

    /** Moves the handlers to the session a handle was re-associated with. */
    synchronized void moveHandlers(Connection from, Connection to) {
        for (Consumer<Diagnostic> h : noticeHandlers) {
            from.removeNoticeHandler(h);
            to.addNoticeHandler(h);
        }
        for (Consumer<Notify> h : notifyHandlers) {
            from.removeNotifyHandler(h);
            to.addNotifyHandler(h);
        }
    }

    /** Closes what is still open and detaches the handlers from {@code session} (null: already gone). */
    void release(Connection session) {
        List<AutoCloseable> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(open);
            open.clear();
            if (session != null) {
                noticeHandlers.forEach(session::removeNoticeHandler);
                notifyHandlers.forEach(session::removeNotifyHandler);
            }
            noticeHandlers.clear();
            notifyHandlers.clear();
        }
        for (AutoCloseable r : toClose) {
            if (!isFinished(r)) {
                try {
                    r.close();
                } catch (Exception e) {
                    // A cursor of a broken session cannot close; the session's fate is the pool's.
                }
            }
        }
    }

    private static boolean isFinished(AutoCloseable r) {
        return r instanceof Cursor<?> c && c.isClosed() || r instanceof LargeObject lo && lo.isClosed();
    }
}
