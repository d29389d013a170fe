package io.tusk;

/**
 * The connection in pipeline mode (psycopg's {@code Connection.pipeline()}, PostgreSQL's
 * pipeline mode): statements are sent without waiting for the previous ones' results, so many
 * statements cost one network round trip.
 *
 * <pre>{@code
 * try (Pipeline p = conn.pipeline()) {
 *     Cursor<Row> a = conn.cursor(), b = conn.cursor();
 *     a.execute("INSERT INTO t VALUES (%s)", 1);     // returns at once
 *     b.execute("SELECT count(*) FROM t WHERE x > %s", 0);
 *     p.sync();                                     // results of a and b are in
 *     long n = b.fetchone().getLong(0);
 * }                                                 // a final sync: every result is in
 * }</pre>
 *
 * <p>Inside the block, {@code execute} queues the statement's messages and returns; its
 * results arrive at {@link #sync()}, at the end of the block, or when the cursor is asked for
 * them (a fetch, {@code description()}, {@code rowcount()}: the queued statements are sent and
 * the answers read up to that statement's). Statements go as extended-query messages, so a
 * statement without parameters may not hold several commands.
 *
 * <p>Errors: when a statement fails, the server skips what follows up to the next sync point;
 * the skipped statements' cursors raise {@link io.tusk.errors.PipelineAbortedException}, and
 * so does {@code execute} once the failure is known, until {@link #sync()}. The first error of
 * a segment is raised by {@link #sync()} or at the end of the block (by the failing cursor's
 * fetch as well).
 *
 * <p>Nesting: {@code conn.pipeline()} inside a pipeline block returns a nested handle whose
 * {@link #close()} only syncs; pipeline mode ends with the outermost block. The pipeline
 * holds the connection for its thread: other threads wait until the outermost block ends.
 * Outside autocommit, the first statement opens the transaction with a BEGIN queued in front
 * of it; {@code conn.commit()} and {@code conn.rollback()} sync the pipeline first.
 */
public interface Pipeline extends AutoCloseable {
    /**
     * Sends a synchronization point and reads every pending result; raises the first error of
     * the segment that was not raised yet. The pipeline stays open.
     */
    void sync();

    /** The connection this pipeline runs on. */
    Connection connection();

    /** Syncs; the outermost pipeline then returns the connection to normal mode. */
    @Override
    void close();
}
