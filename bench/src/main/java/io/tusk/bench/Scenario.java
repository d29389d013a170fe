package io.tusk.bench;

import java.util.List;

/**
 * One line of the result table: a Tusk benchmark, the one it is compared with, and the target
 * of DESIGN.md §5 when there is one.
 *
 * <pre>{@code new Scenario("fetch 1M rows x 4, text", "FetchWide.tuskText", "FetchWide.pgjdbcText", "pgjdbc", 1_000_000, 1.5)}</pre>
 *
 * @param label       what the line measures
 * @param tusk        the Tusk benchmark ({@code Class.method} under {@code io.tusk.bench})
 * @param other       the benchmark it is compared with
 * @param otherName   who runs {@code other}: {@code pgjdbc}, {@code psql}, {@code HikariCP} or {@code vertx-pg-client}
 * @param rowsPerOp   rows moved by one operation (for allocation per row), 1 for single statements
 * @param target      the lowest Tusk ÷ other throughput ratio the design asks for, or 0 for none
 */
public record Scenario(String label, String tusk, String other, String otherName, long rowsPerOp, double target) {
    /** Every scenario, in the order of the table. */
    public static final List<Scenario> ALL = List.of(
            new Scenario("point select (pgbench -S), 1 thread", "PointSelect.tusk", "PointSelect.pgjdbc", "pgjdbc", 1, 0),
            new Scenario("point select (pgbench -S), 8 threads", "PointSelect8.tusk", "PointSelect8.pgjdbc", "pgjdbc", 1, 1.2),
            new Scenario("control: point select, 1 thread, never prepared (both)", "PointSelect.tuskUnprepared",
                    "PointSelect.pgjdbcUnprepared", "pgjdbc", 1, 0),
            new Scenario("control: point select, 8 threads, never prepared (both)", "PointSelect8.tuskUnprepared",
                    "PointSelect8.pgjdbcUnprepared", "pgjdbc", 1, 0),
            new Scenario("fetch 1M rows x 4 cols, text", "FetchWide.tuskText", "FetchWide.pgjdbcText", "pgjdbc",
                    Fixtures.WIDE_ROWS, 1.5),
            new Scenario("fetch 1M rows x 4 cols, binary", "FetchWide.tuskBinary", "FetchWide.pgjdbcBinary", "pgjdbc",
                    Fixtures.WIDE_ROWS, 1.5),
            new Scenario("fetch 100k rows mixed types, text", "FetchMixed.tuskText", "FetchMixed.pgjdbcText", "pgjdbc",
                    Fixtures.MIXED_ROWS, 0),
            new Scenario("fetch 100k rows mixed types, binary", "FetchMixed.tuskBinary", "FetchMixed.pgjdbcBinary",
                    "pgjdbc", Fixtures.MIXED_ROWS, 0),
            new Scenario("insert 100k: executemany vs executeBatch", "InsertMany.tuskExecutemany",
                    "InsertMany.pgjdbcBatch", "pgjdbc", Fixtures.INSERT_ROWS, 2.0),
            new Scenario("insert 100k: both rewriting to multi-row INSERTs", "InsertMany.tuskExecutemanyRewrite",
                    "InsertMany.pgjdbcBatchRewrite", "pgjdbc", Fixtures.INSERT_ROWS, 1.0),
            new Scenario("control: executemany (no rewrite) vs batch, reWriteBatchedInserts", "InsertMany.tuskExecutemany",
                    "InsertMany.pgjdbcBatchRewrite", "pgjdbc", Fixtures.INSERT_ROWS, 0),
            new Scenario("COPY TO STDOUT 1M rows vs CopyManager", "CopyToStdout.tusk", "CopyToStdout.pgjdbc", "pgjdbc",
                    Fixtures.WIDE_ROWS, 1.0),
            new Scenario("COPY TO STDOUT 1M rows vs psql", "CopyToStdout.tusk", "CopyToStdout.psql", "psql",
                    Fixtures.WIDE_ROWS, 1 / 1.2),
            new Scenario("COPY FROM STDIN 1M rows vs CopyManager", "CopyFromStdin.tusk", "CopyFromStdin.pgjdbc", "pgjdbc",
                    Fixtures.WIDE_ROWS, 1.0),
            new Scenario("COPY FROM STDIN 1M rows vs psql", "CopyFromStdin.tusk", "CopyFromStdin.psql", "psql",
                    Fixtures.WIDE_ROWS, 1 / 1.2),
            new Scenario("pipeline 1000 updates: conn.pipeline() vs executeBatch", "Pipeline.tuskPipeline",
                    "Pipeline.pgjdbcBatch", "pgjdbc", Fixtures.PIPE_ROWS, 0),
            new Scenario("pipeline 1000 updates: executemany vs executeBatch", "Pipeline.tuskExecutemany",
                    "Pipeline.pgjdbcBatch", "pgjdbc", Fixtures.PIPE_ROWS, 0),
            new Scenario("XA: 2 branches on 2 databases, start/end/prepare/commit", "XaCycle.tusk", "XaCycle.pgjdbc",
                    "pgjdbc", 1, 1.2),
            new Scenario("JDBC face: point select, same JDBC code", "JdbcFace.pointSelectTusk", "JdbcFace.pointSelectPgjdbc",
                    "pgjdbc", 1, 1.0),
            new Scenario("JDBC face: fetch 1M rows x 4 cols, same JDBC code", "JdbcFace.fetchTusk", "JdbcFace.fetchPgjdbc",
                    "pgjdbc", Fixtures.WIDE_ROWS, 1.0),
            new Scenario("JDBC face: executeBatch 10k inserts, same JDBC code", "JdbcFace.batchTusk", "JdbcFace.batchPgjdbc",
                    "pgjdbc", JdbcFace.BATCH_ROWS, 1.0),
            new Scenario("JDBC face: XA 2 branches, XADataSource, same JDBC code", "XaCycle.tuskJdbc", "XaCycle.pgjdbc",
                    "pgjdbc", 1, 1.0),
            new Scenario("JDBC face vs Tusk's native API: point select", "JdbcFace.pointSelectTusk", "PointSelect.tusk",
                    "Tusk native", 1, 0.95),
            new Scenario("JDBC face vs Tusk's native API: fetch 1M rows", "JdbcFace.fetchTusk", "FetchWide.tuskText",
                    "Tusk native", Fixtures.WIDE_ROWS, 0.95),
            new Scenario("pool borrow + return, 8 threads, pool of 8 (vs HikariCP)", "PoolBorrow.tusk",
                    "PoolBorrow.hikari", "HikariCP", 1, 0),
            new Scenario("async: 4 connections x 64 pipelined point selects (vs vertx-pg-client)",
                    "AsyncPointSelect.tusk", "AsyncPointSelect.vertx", "vertx-pg-client", AsyncPointSelect.SELECTS, 0),
            new Scenario("control: async, Tusk completing on the I/O thread (vs vertx-pg-client)",
                    "AsyncPointSelect.tuskDirect", "AsyncPointSelect.vertx", "vertx-pg-client", AsyncPointSelect.SELECTS, 0),
            new Scenario("control: async, both never prepared (vs vertx-pg-client)",
                    "AsyncPointSelect.tuskUnprepared", "AsyncPointSelect.vertx", "vertx-pg-client", AsyncPointSelect.SELECTS, 0),
            new Scenario("control: async, both prepared (vertx-pg-client with its statement cache)",
                    "AsyncPointSelect.tusk", "AsyncPointSelect.vertxCached", "vertx-pg-client", AsyncPointSelect.SELECTS, 0));
}
