package io.tusk.internal.prepare;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prepared statements of one session (psycopg's {@code PrepareManager}): counts how often
 * each query (SQL and parameter types) runs, says when to prepare it, remembers the names of
 * the prepared ones, and keeps at most {@code preparedMax} of them, deallocating the least
 * recently used.
 *
 * <pre>{@code
 * Decision d = cache.decide(key, null);   // NO, SHOULD (Parse with d.statement().name()) or YES
 * List<String> closes = cache.enqueued(key, d); // send Close 'S' for each before the statement
 * ... if the statement failed: cache.failed(key, d);
 * }</pre>
 *
 * <p>Why statements are registered when they are sent, not when their answer comes: in a
 * pipeline the next execution of the same query may be queued before the first one's answer
 * is read, and it must then use the statement, not prepare it again. A failure undoes it.
 *
 * <p>Deallocation is a protocol Close of the statement (no round trip of its own: the Close
 * messages are sent in front of the next statement). The cache is emptied, as psycopg does,
 * when a command's tag says the server may have lost or reshaped what it describes:
 * {@code DROP ...}, {@code ALTER ...}, {@code CREATE [OR REPLACE] VIEW/FUNCTION/...} and
 * {@code ROLLBACK} (the statements are then closed, see {@link #invalidates}), {@code DISCARD
 * ALL} and {@code DEALLOCATE ALL} (the server already dropped them).
 */
public final class StatementCache {
    public static final Integer DEFAULT_THRESHOLD = 5;
    public static final int DEFAULT_MAX = 100;

    /** What to do with one execution. */
    public enum Kind {
        /** Run as the unnamed statement. */
        NO,
        /** Parse it under {@code statement().name()} now (and Describe it). */
        SHOULD,
        /** It is prepared: Bind {@code statement().name()}. */
        YES
    }

    public record Decision(Kind kind, PreparedStatement statement) {
        static final Decision NO = new Decision(Kind.NO, null);
    }

    private Integer threshold = DEFAULT_THRESHOLD;
    private int max = DEFAULT_MAX;
    /** Executions of queries not prepared yet, least recently used first (access order). */
    private final LinkedHashMap<StatementKey, Integer> counts = new LinkedHashMap<>(16, 0.75f, true);
    private final LinkedHashMap<StatementKey, PreparedStatement> prepared = new LinkedHashMap<>(16, 0.75f, true);
    private final List<String> pendingCloses = new ArrayList<>();
    private long lastNumber;
    /** The key last made by {@link #key}: a prepared statement run again and again reuses it. */
    private StatementKey lastKey;
    private Object owner;
    private boolean onlyConfirmed;

    public synchronized Integer threshold() {
        return threshold;
    }

    /** Executions before a query is prepared: 0 prepares at once, null never. */
    public synchronized void threshold(Integer value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException("prepareThreshold must be 0 or more (or null to never prepare), not " + value);
        }
        threshold = value;
    }

    public synchronized int max() {
        return max;
    }

    /** Prepared statements kept at most; the least recently used beyond are deallocated. */
    public synchronized void max(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("preparedMax must be at least 1, not " + value
                    + ": use setPrepareThreshold(null) to disable prepared statements");
        }
        max = value;
    }

    /** The key of {@code sql} with these parameter types: the last one made when it is the same. */
    public synchronized StatementKey key(String sql, int[] oids) {
        StatementKey k = lastKey;
        if (k == null || !k.matches(sql, oids)) {
            k = new StatementKey(sql, oids);
            lastKey = k;
        }
        return k;
    }

    /**
     * With {@code true}, a statement is used (Bind of its name) only once the server confirmed
     * its Parse (its Describe was answered); executions planned before that run as the unnamed
     * statement. The asynchronous front end plans executions without waiting for the previous
     * answers, so it could otherwise bind a name whose Parse then fails ("prepared statement
     * does not exist" for every execution queued behind it). Off by default: a blocking
     * connection reads each answer before planning the next statement.
     */
    public synchronized void onlyConfirmed(boolean value) {
        onlyConfirmed = value;
    }

    /**
     * Binds the cache to a session: a new session (after a reconnect) has no statements, so
     * everything known about the old one is dropped.
     */
    public synchronized void bindTo(Object session) {
        if (owner != session) {
            owner = session;
            counts.clear();
            prepared.clear();
            pendingCloses.clear();
        }
    }

    /**
     * Whether to prepare an execution: {@code prepare} FALSE never, TRUE at once, null when the
     * query has run {@link #threshold()} times. With the threshold null nothing is prepared
     * (psycopg: prepared statements are disabled on the connection).
     */
    public synchronized Decision decide(StatementKey key, Boolean prepare) {
        if (Boolean.FALSE.equals(prepare) || threshold == null) {
            return Decision.NO;
        }
        PreparedStatement p = prepared.get(key);
        if (p != null) {
            if (onlyConfirmed && !p.described()) {
                return Decision.NO; // its Parse is still in flight: not known to succeed
            }
            return p.use();
        }
        int count = counts.getOrDefault(key, 0);
        if (Boolean.TRUE.equals(prepare) || count >= threshold) {
            return new Decision(Kind.SHOULD, new PreparedStatement("_tusk_" + ++lastNumber));
        }
        return Decision.NO;
    }

    /**
     * Records that an execution is being sent and returns the statements to Close in front of
     * it (evicted ones, and those left by {@link #observeTag}).
     */
    public synchronized List<String> enqueued(StatementKey key, Decision d) {
        switch (d.kind()) {
            case NO -> {
                if (threshold != null) {
                    counts.merge(key, 1, Integer::sum);
                    trim(counts, max);
                }
            }
            case SHOULD -> {
                counts.remove(key);
                prepared.put(key, d.statement());
                while (prepared.size() > max) {
                    Iterator<PreparedStatement> eldest = prepared.values().iterator();
                    pendingCloses.add(eldest.next().name());
                    eldest.remove();
                }
            }
            case YES -> {
                // the access (decide's get) already made it the most recently used
            }
        }
        return takeCloses();
    }

    /** The Close messages due, to send in front of the next statement; the list is emptied. */
    public synchronized List<String> takeCloses() {
        if (pendingCloses.isEmpty()) {
            return List.of();
        }
        List<String> out = List.copyOf(pendingCloses);
        pendingCloses.clear();
        return out;
    }

    /**
     * An execution failed (or was skipped in an aborted pipeline): a statement it was preparing
     * is forgotten and closed (its Parse may have succeeded before the failure).
     */
    public synchronized void failed(StatementKey key, Decision d) {
        if (d.kind() == Kind.SHOULD) {
            forget(key, d.statement());
        }
    }

    /** Drops a statement the server can no longer run as prepared ("cached plan must not change result type"). */
    public synchronized void forget(StatementKey key, PreparedStatement p) {
        if (prepared.get(key) == p) {
            prepared.remove(key);
        }
        pendingCloses.add(p.name());
    }

    /**
     * Looks at the tag of every command the session completes (psycopg's
     * {@code _should_discard}): objects may have been dropped or rolled back under the
     * statements, or the server dropped them itself.
     */
    public synchronized void observeTag(String tag) {
        if (tag.equals("DISCARD ALL") || tag.equals("DEALLOCATE ALL")) {
            counts.clear();
            prepared.clear();
            pendingCloses.clear();
        } else if (invalidates(tag)) {
            counts.clear();
            for (PreparedStatement p : prepared.values()) {
                pendingCloses.add(p.name());
            }
            prepared.clear();
        }
    }

    /**
     * Whether a command may have lost or reshaped what prepared statements read, so that they
     * must be prepared again: the server would otherwise answer their next execution with "cached
     * plan must not change result type" (plancache.c checks the result's row type at re-planning)
     * or fail a look-up of a dropped object. psycopg clears its cache on {@code DROP ...} and
     * {@code ROLLBACK}; Tusk also on every {@code ALTER ...} (ALTER TABLE ADD/DROP/ALTER COLUMN,
     * ALTER TYPE, ALTER DOMAIN, ALTER VIEW, ...), on the tags of {@code CREATE OR REPLACE} (which
     * are those of CREATE: {@code CREATE VIEW}, {@code CREATE FUNCTION}, {@code CREATE PROCEDURE},
     * {@code CREATE RULE}), and on a user's {@code DEALLOCATE name} (the tag says not which:
     * forget them all rather than use a missing one). A command run inside a function or a
     * {@code DO} block shows no tag: the retry on the server's error covers it.
     */
    static boolean invalidates(String tag) {
        return tag.startsWith("DROP ") || tag.startsWith("ALTER ") || tag.equals("ROLLBACK") || tag.equals("DEALLOCATE")
                || tag.equals("CREATE VIEW") || tag.equals("CREATE FUNCTION") || tag.equals("CREATE PROCEDURE")
                || tag.equals("CREATE RULE");
    }

    /** How many statements are prepared now (for tests and diagnostics). */
    public synchronized int size() {
        return prepared.size();
    }

    private static <K, V> void trim(LinkedHashMap<K, V> map, int max) {
        Iterator<Map.Entry<K, V>> it = map.entrySet().iterator();
        while (map.size() > max && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
