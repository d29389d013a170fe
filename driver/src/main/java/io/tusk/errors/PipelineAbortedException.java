package io.tusk.errors;

/**
 * Raised for a command of a pipeline that the server skipped because an earlier command of the
 * same pipeline segment failed (psycopg's {@code PipelineAborted}, an OperationalError).
 *
 * <pre>{@code
 * try (Pipeline p = conn.pipeline()) {
 *     cur1.execute("SELECT 1/%s", 0);        // fails on the server
 *     cur2.execute("SELECT %s", 2);          // skipped: cur2.fetchone() raises this
 * }                                          // the first error (DivisionByZero) is raised here
 * }</pre>
 *
 * <p>After a failure the server ignores every message up to the next Sync (protocol
 * "Extended Query", error handling), so the commands in between have no result: call
 * {@code Pipeline.sync()} (or leave the pipeline block) and run them again.
 */
public class PipelineAbortedException extends OperationalException {
    private static final long serialVersionUID = 1L;

    public PipelineAbortedException(String message) {
        super(message);
    }
}
