package io.tusk.jdbc.contract;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One of the two drivers under contract: its URL and the connection its shared behaviours reuse. */
final class Driver {
    final String tag;
    final String url;
    private Connection shared;

    Driver(String tag, String url) {
        this.tag = tag;
        this.url = url;
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(url);
    }

    Connection shared() throws SQLException {
        if (shared == null) {
            shared = open();
        }
        return shared;
    }

    /**
     * Puts the shared connection back as a behaviour found it (autocommit on, no open
     * transaction, no warnings); when that fails the connection is replaced, so one broken
     * behaviour does not fail the ones after it.
     */
    void resetShared() {
        if (shared == null) {
            return;
        }
        try {
            if (shared.isClosed()) {
                shared = null;
                return;
            }
            if (!shared.getAutoCommit()) {
                shared.rollback();
                shared.setAutoCommit(true);
            }
            shared.clearWarnings();
        } catch (Throwable e) {
            dropShared();
        }
    }

    /** Forgets the shared connection (closing it in the background: it may be stuck in a query). */
    void dropShared() {
        Connection c = shared;
        shared = null;
        if (c != null) {
            Thread t = new Thread(() -> quietlyClose(c), "contract-close-" + tag);
            t.setDaemon(true);
            t.start();
        }
    }

    static void quietlyClose(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Throwable ignored) {
            // closing after a failed behaviour: the failure was already observed
        }
    }
}
