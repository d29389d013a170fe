package io.tusk.internal.copy;

import io.tusk.Copy;
import io.tusk.adapt.AdaptersMap;
import io.tusk.errors.DatabaseException;
import io.tusk.internal.adapt.builtin.BuiltinAdapters;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.ConnectionImpl;
import io.tusk.internal.connection.Session;

/**
 * Where a COPY starts, for the connection and the cursor: takes the session lock, adds the
 * implicit BEGIN outside autocommit (as every statement gets, psycopg's rule), and hands the
 * lock to the {@link CopyImpl} until its ReadyForQuery.
 */
public final class CopySupport {
    private CopySupport() {
    }

    /** Starts {@code sql} (a COPY FROM STDIN or TO STDOUT) with the global adapters. */
    public static CopyImpl start(ConnectionImpl conn, String sql) {
        BuiltinAdapters.ensureRegistered();
        return start(conn, sql, new Transformer(AdaptersMap.global(),
                io.tusk.adapt.AdaptContext.of(conn.session().charset(), conn.session().parameters())));
    }

    /** Starts {@code sql} dumping and loading rows with {@code transformer} (a cursor's adapters). */
    public static CopyImpl start(ConnectionImpl conn, String sql, Transformer transformer) {
        Session s = conn.session();
        s.lock().lock();
        String begin;
        try {
            begin = conn.implicitBegin();
        } catch (RuntimeException e) {
            s.lock().unlock();
            throw e;
        }
        return CopyImpl.open(s, begin, sql, transformer);
    }

    /**
     * Runs {@code body} on a COPY and finishes it: on normal return the COPY completes and its
     * row count is returned; when the body throws, a COPY FROM STDIN is aborted with the
     * exception's message (CopyFail, so no row is stored) and the exception is rethrown as is.
     */
    public static <E extends Exception> long run(ConnectionImpl conn, String sql, Copy.Body<E> body) throws E {
        CopyImpl copy = start(conn, sql);
        try {
            body.accept(copy);
        } catch (Throwable t) {
            try {
                DatabaseException answer = copy.abortWith(reason(t));
                if (answer != null && !"57014".equals(answer.sqlstate())) {
                    t.addSuppressed(answer);
                }
            } catch (RuntimeException e) {
                t.addSuppressed(e);
            }
            throw t;
        }
        copy.close();
        return copy.rowcount();
    }

    static String reason(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
