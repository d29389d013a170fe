package io.tusk.async;

import io.tusk.rows.Row;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * An asynchronous connection in pipeline mode: psycopg's {@code AsyncConnection.pipeline()},
 * the twin of {@link io.tusk.Pipeline}. Statements are sent without waiting for each other's
 * results; each one's stage completes when its own answer is read.
 *
 * <pre>{@code
 * conn.pipeline(p -> {
 *     CompletionStage<AsyncCursor<Row>> ins = p.execute("INSERT INTO t VALUES (%s)", 1);
 *     CompletionStage<AsyncCursor<Row>> sel = p.execute("SELECT count(*) FROM t");
 *     return sel.thenCompose(AsyncCursor::fetchone);
 * });                                          // a final sync when the work's stage completes
 * }</pre>
 *
 * <p>Statements go as extended-query messages (so a statement may not hold several commands),
 * each followed by a Flush: the server answers each at once. When one fails, the server skips
 * the following ones up to the next {@link #sync()}: the failing statement's stage fails with
 * the server's error, the skipped ones' with {@link io.tusk.errors.PipelineAbortedException}
 * once the sync is answered, and statements executed after the error was read fail with it at
 * once. {@link #sync()} fails with the first error of its segment. Outside autocommit the first
 * statement of a segment, when no transaction is open, gets an implicit BEGIN in front.
 *
 * <p>While the pipeline is open, run the connection's commands through it: a command issued
 * on the connection directly would be answered in the middle of the pipeline's segment.
 */
public interface AsyncPipeline {
    /** Queues a statement with {@code %s} parameters; the stage completes with its results. */
    CompletionStage<AsyncCursor<Row>> execute(String query, Object... params);

    /** Queues a statement with {@code %(name)s} parameters. */
    CompletionStage<AsyncCursor<Row>> execute(String query, Map<String, ?> params);

    /**
     * Sends a synchronization point; completes when the server answered it, failing with the
     * first error of the segment. The pipeline stays open; the next statement starts a new segment.
     */
    CompletionStage<Void> sync();

    /** A final {@link #sync()}; afterwards the pipeline refuses statements. */
    CompletionStage<Void> close();

    /** The connection this pipeline runs on. */
    AsyncConnection connection();
}
