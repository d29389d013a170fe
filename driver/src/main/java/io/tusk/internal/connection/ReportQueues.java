package io.tusk.internal.connection;

import io.tusk.Notify;
import io.tusk.errors.Diagnostic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where the blocking connection keeps what the server reported on its own until the user takes
 * it: notice handlers and the last notices (psycopg2's {@code notices}), notify handlers and a
 * bounded queue of notifications ({@code notifies()}, {@code conn.notifies()} generators). The
 * async connection publishes the same reports instead ({@link ServerReports} decides what they are).
 */
public final class ReportQueues implements ServerReports.Listener {
    /** psycopg2 keeps the last 50 notices. */
    static final int MAX_NOTICES = 50;
    /** Notifications kept while nobody consumes them; the oldest are dropped beyond. */
    static final int MAX_NOTIFIES = 10_000;

    private final List<Consumer<Diagnostic>> noticeHandlers = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Diagnostic> notices = new ArrayDeque<>();
    private final ArrayDeque<Notify> notifies = new ArrayDeque<>();
    private final List<Consumer<Notify>> notifyHandlers = new CopyOnWriteArrayList<>();

    @Override
    public void notice(Diagnostic d) {
        synchronized (notices) {
            if (notices.size() == MAX_NOTICES) {
                notices.removeFirst();
            }
            notices.addLast(d);
        }
        for (Consumer<Diagnostic> h : noticeHandlers) {
            try {
                h.accept(d);
            } catch (RuntimeException e) {
                // A failing handler must not break the protocol exchange in progress.
                System.getLogger("io.tusk").log(System.Logger.Level.WARNING, "notice handler failed", e);
            }
        }
    }

    @Override
    public void notification(Notify n) {
        for (Consumer<Notify> h : notifyHandlers) {
            try {
                h.accept(n);
            } catch (RuntimeException e) {
                System.getLogger("io.tusk").log(System.Logger.Level.WARNING, "notify handler failed", e);
            }
        }
        synchronized (notifies) {
            if (notifies.size() == MAX_NOTIFIES) {
                notifies.removeFirst();
            }
            notifies.addLast(n);
            notifies.notifyAll();
        }
    }

    public List<Diagnostic> notices() {
        synchronized (notices) {
            return List.copyOf(notices);
        }
    }

    public List<Notify> drainNotifies() {
        synchronized (notifies) {
            List<Notify> out = new ArrayList<>(notifies);
            notifies.clear();
            return out;
        }
    }

    public void addNoticeHandler(Consumer<Diagnostic> h) {
        noticeHandlers.add(h);
    }

    public void removeNoticeHandler(Consumer<Diagnostic> h) {
        noticeHandlers.remove(h);
    }

    public void addNotifyHandler(Consumer<Notify> h) {
        notifyHandlers.add(h);
    }

    public void removeNotifyHandler(Consumer<Notify> h) {
        notifyHandlers.remove(h);
    }

    /** Takes the oldest buffered notification, or null: one at a time, so none is lost when a reader stops. */
    public Notify pollNotify() {
        synchronized (notifies) {
            return notifies.pollFirst();
        }
    }
}
