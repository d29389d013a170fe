package io.tusk.jdbc.internal;

import io.tusk.Column;
import io.tusk.Cursor;
import io.tusk.rows.Row;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The rows of the statement's native cursor's current result, read in place (the cursor already
 * holds the whole result). The cursor belongs to the statement and runs its next execution, so
 * closing these rows leaves it open; {@link #detach()} copies what is left when the statement
 * moves on but the result set must stay ({@code getMoreResults(KEEP_CURRENT_RESULT)}).
 * {@code setMaxRows} is applied here: the rows past the limit are dropped.
 */
final class ResultRows implements RowSource {
    private final JdbcStatement owner;
    private final List<Column> columns;
    private final long limit;
    private final boolean acrossResults;
    private Cursor<Row> cursor;
    private ArrayDeque<Row> detached;
    private long seen;
    private boolean closed;

    /**
     * {@code limit} 0 for no limit; {@code acrossResults} reads every following result of the
     * cursor as well (the keys of each statement of a batch).
     */
    ResultRows(JdbcStatement owner, Cursor<Row> cursor, long limit, boolean acrossResults) {
        this.owner = owner;
        this.cursor = cursor;
        this.columns = cursor.description();
        this.limit = limit;
        this.acrossResults = acrossResults;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Row next() throws java.sql.SQLException {
        if (closed || (limit > 0 && seen >= limit)) {
            return null;
        }
        Row r;
        if (detached != null) {
            r = detached.poll();
        } else {
            try {
                r = cursor.fetchone();
                while (r == null && acrossResults && cursor.nextset()) {
                    r = cursor.fetchone();
                }
            } catch (io.tusk.errors.TuskException e) {
                throw JdbcErrors.translate(e);
            }
        }
        if (r != null) {
            seen++;
        }
        return r;
    }

    /** Copies the rows not read yet, so that the cursor may move on. */
    void detach() throws java.sql.SQLException {
        if (closed || detached != null) {
            return;
        }
        ArrayDeque<Row> rest = new ArrayDeque<>();
        for (Row r = next(); r != null; r = next()) {
            rest.add(r);
        }
        seen -= rest.size();
        detached = rest;
        cursor = null;
    }

    @Override
    public void close() throws java.sql.SQLException {
        if (!closed) {
            closed = true;
            detached = null;
            if (owner != null) {
                owner.resultClosed(this);
            }
        }
    }
}
