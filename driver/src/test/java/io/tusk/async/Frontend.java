package io.tusk.async;

import io.tusk.Connection;
import io.tusk.Copy;
import io.tusk.Cursor;
import io.tusk.Notify;
import io.tusk.TransactionStatus;
import io.tusk.Tusk;
import io.tusk.Xid;
import io.tusk.rows.Row;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One synchronous test API over the blocking and the asynchronous front ends, so that one
 * suite checks both: the asynchronous one is adapted by joining its stages.
 */
interface Frontend extends AutoCloseable {
    /** Rows as lists of values. */
    List<List<Object>> query(String sql, Object... params);

    void execute(String sql, Object... params);

    /** Rows and the format code of each column (0 text, 1 binary), of a statement run in {@code binary} or text. */
    record Result(List<List<Object>> rows, List<Integer> formats) {
    }

    /** {@code cursor.setBinary(binary); cursor.execute(sql, params)}. */
    Result query(boolean binary, String sql, Object... params);

    /** {@code cursor.setPrepare(prepare); cursor.execute(sql, params)}, rows as lists of values. */
    List<List<Object>> queryPrepared(Boolean prepare, String sql, Object... params);

    void setPrepareThreshold(Integer threshold);

    void setPreparedMax(int max);

    /**
     * The statements this session has prepared whose text contains {@code marker}, as the server
     * lists them ({@code pg_prepared_statements}, read on the same session).
     */
    default List<String> preparedContaining(String marker) {
        return query("SELECT statement FROM pg_prepared_statements WHERE strpos(statement, '" + marker
                + "') > 0 ORDER BY prepare_time")
                .stream().map(r -> (String) r.get(0)).toList();
    }

    void setAutocommit(boolean on);

    void commit();

    void rollback();

    TransactionStatus status();

    void tpcBegin(Xid xid);

    void tpcPrepare();

    void tpcCommit(Xid xid);

    List<Xid> tpcRecover();

    /**
     * Runs {@code body} in a transaction block ({@code transaction()} of either front end): COMMIT
     * when it returns, ROLLBACK when it throws (the error is rethrown), a savepoint when nested.
     * The body uses this same front end.
     */
    <T> T transaction(Function<Frontend, T> body);

    /** {@code cursor.executemany(sql, paramSets)}; returns the cursor's rowcount. */
    long executemany(String sql, List<Object[]> paramSets);

    /** Starts collecting notifications (after LISTEN). */
    void listen(String channel);

    Notify nextNotify(Duration timeout) throws InterruptedException;

    @Override
    void close();

    // ---- COPY (issue 13: async COPY and streaming)

    /** COPY ... FROM STDIN with each row written by {@code writeRow}; the row count. */
    long copyIn(String sql, List<Object[]> rows);

    /** COPY ... FROM STDIN with raw data in the COPY's format; the row count. */
    long copyInRaw(String sql, byte[] data);

    /** Writes the rows, then aborts the COPY (CopyFail with {@code reason}). */
    void copyInAborted(String sql, List<Object[]> rows, String reason);

    /** Every byte of a COPY ... TO STDOUT, its parameters quoted into the statement. */
    byte[] copyOut(String sql, Object... params);

    /** The rows of a COPY ... TO STDOUT read with {@code readRow()}, loaded as the given types ({@code setTypes}). */
    List<Object[]> copyOutRows(String sql, String... types);

    // ---- server-side cursors (issue 13: async named cursors)

    /** A named cursor of this front end ({@code conn.cursor(name)}), its operations joined. */
    Named named(String name);

    /** A named cursor as both front ends have it; rows as lists of values. */
    interface Named extends AutoCloseable {
        void setScrollable(Boolean scrollable);

        void setWithhold(boolean withhold);

        void setItersize(int itersize);

        void execute(String query, Object... params);

        List<Object> fetchone();

        List<List<Object>> fetchmany(int size);

        List<List<Object>> fetchall();

        /** The next {@code limit} rows by iteration: the blocking iterator, or {@code rows()} with that much demand, then cancelled. */
        List<List<Object>> iterate(int limit);

        void scroll(int value, String mode);

        int rownumber();

        long rowcount();

        List<String> columnNames();

        @Override
        void close();
    }

    // ---- rules both front ends share: transaction characteristics, two-phase commit

    /** {@code setIsolationLevel}, {@code setReadOnly} and {@code setDeferrable}, in that order. */
    void setCharacteristics(io.tusk.IsolationLevel level, Boolean readOnly, Boolean deferrable);

    void tpcCommit();

    void tpcRollback();

    void tpcRollback(Xid xid);

    static Function<String, Frontend> blocking() {
        return conninfo -> new Blocking(Tusk.connect(conninfo));
    }

    static Function<String, Frontend> async() {
        return conninfo -> new Async(Tusk.connectAsync(conninfo).toCompletableFuture().join());
    }

    private static List<Object> values(Row r) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            out.add(r.get(i));
        }
        return out;
    }

    final class Blocking implements Frontend {
        private final Connection c;

        Blocking(Connection c) {
            this.c = c;
        }

        @Override
        public List<List<Object>> query(String sql, Object... params) {
            return c.execute(sql, params).fetchall().stream().map(Frontend::values).toList();
        }

        @Override
        public void execute(String sql, Object... params) {
            c.execute(sql, params);
        }

        @Override
        public Result query(boolean binary, String sql, Object... params) {
            io.tusk.Cursor<Row> cur = c.cursor();
            cur.setBinary(binary);
            cur.execute(sql, params);
            return new Result(cur.fetchall().stream().map(Frontend::values).toList(),
                    cur.description().stream().map(io.tusk.Column::format).toList());
        }

        @Override
        public List<List<Object>> queryPrepared(Boolean prepare, String sql, Object... params) {
            return c.cursor().setPrepare(prepare).execute(sql, params).fetchall().stream().map(Frontend::values).toList();
        }

        @Override
        public void setPrepareThreshold(Integer threshold) {
            c.setPrepareThreshold(threshold);
        }

        @Override
        public void setPreparedMax(int max) {
            c.setPreparedMax(max);
        }

        @Override
        public void setAutocommit(boolean on) {
            c.setAutocommit(on);
        }

        @Override
        public void commit() {
            c.commit();
        }

        @Override
        public void rollback() {
            c.rollback();
        }

        @Override
        public TransactionStatus status() {
            return c.info().transactionStatus();
        }

        @Override
        public void tpcBegin(Xid xid) {
            c.tpcBegin(xid);
        }

        @Override
        public void tpcPrepare() {
            c.tpcPrepare();
        }

        @Override
        public void tpcCommit(Xid xid) {
            c.tpcCommit(xid);
        }

        @Override
        public List<Xid> tpcRecover() {
            return c.tpcRecover();
        }

        @Override
        public <T> T transaction(Function<Frontend, T> body) {
            return c.transaction(tx -> body.apply(this));
        }

        @Override
        public long executemany(String sql, List<Object[]> paramSets) {
            return c.cursor().executemany(sql, paramSets).rowcount();
        }

        @Override
        public void listen(String channel) {
            c.execute("LISTEN " + channel);
        }

        @Override
        public Notify nextNotify(Duration timeout) {
            return c.notifies(timeout, 1).findFirst().orElse(null);
        }

        @Override
        public void close() {
            c.close();
        }

        // ---- COPY

        @Override
        public long copyIn(String sql, List<Object[]> rows) {
            return c.copy(sql, copy -> rows.forEach(copy::writeRow));
        }

        @Override
        public long copyInRaw(String sql, byte[] data) {
            return c.copy(sql, copy -> copy.write(data));
        }

        @Override
        public void copyInAborted(String sql, List<Object[]> rows, String reason) {
            try (Copy copy = c.copy(sql)) {
                rows.forEach(copy::writeRow);
                copy.abort(reason);
            }
        }

        @Override
        public Named named(String name) {
            return new BlockingNamed(c.cursor(name));
        }

        @Override
        public List<Object[]> copyOutRows(String sql, String... types) {
            List<Object[]> rows = new java.util.ArrayList<>();
            try (Cursor<Row> cur = c.cursor(); Copy copy = cur.copy(sql)) {
                copy.setTypes(types);
                for (Object[] r; (r = copy.readRow()) != null; ) {
                    rows.add(r);
                }
            }
            return rows;
        }

        @Override
        public byte[] copyOut(String sql, Object... params) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Cursor<Row> cur = c.cursor(); Copy copy = cur.copy(sql, params)) {
                for (byte[] b; (b = copy.read()) != null; ) {
                    out.write(b, 0, b.length);
                }
            }
            return out.toByteArray();
        }

        // ---- rules both front ends share

        @Override
        public void setCharacteristics(io.tusk.IsolationLevel level, Boolean readOnly, Boolean deferrable) {
            c.setIsolationLevel(level);
            c.setReadOnly(readOnly);
            c.setDeferrable(deferrable);
        }

        @Override
        public void tpcCommit() {
            c.tpcCommit();
        }

        @Override
        public void tpcRollback() {
            c.tpcRollback();
        }

        @Override
        public void tpcRollback(Xid xid) {
            c.tpcRollback(xid);
        }
    }

    final class Async implements Frontend {
        private final AsyncConnection c;
        private final LinkedBlockingQueue<Notify> received = new LinkedBlockingQueue<>();

        Async(AsyncConnection c) {
            this.c = c;
        }

        @Override
        public List<List<Object>> query(String sql, Object... params) {
            return c.execute(sql, params).thenCompose(AsyncCursor::fetchall).toCompletableFuture().join()
                    .stream().map(Frontend::values).toList();
        }

        @Override
        public void execute(String sql, Object... params) {
            c.execute(sql, params).toCompletableFuture().join();
        }

        @Override
        public Result query(boolean binary, String sql, Object... params) {
            AsyncCursor<Row> cur = c.cursor();
            cur.setBinary(binary);
            cur.execute(sql, params).toCompletableFuture().join();
            return new Result(cur.fetchall().toCompletableFuture().join().stream().map(Frontend::values).toList(),
                    cur.description().stream().map(io.tusk.Column::format).toList());
        }

        @Override
        public List<List<Object>> queryPrepared(Boolean prepare, String sql, Object... params) {
            return c.cursor().setPrepare(prepare).execute(sql, params).thenCompose(AsyncCursor::fetchall)
                    .toCompletableFuture().join().stream().map(Frontend::values).toList();
        }

        @Override
        public void setPrepareThreshold(Integer threshold) {
            c.setPrepareThreshold(threshold);
        }

        @Override
        public void setPreparedMax(int max) {
            c.setPreparedMax(max);
        }

        @Override
        public void setAutocommit(boolean on) {
            c.setAutocommit(on);
        }

        @Override
        public void commit() {
            c.commit().toCompletableFuture().join();
        }

        @Override
        public void rollback() {
            c.rollback().toCompletableFuture().join();
        }

        @Override
        public TransactionStatus status() {
            return c.transactionStatus();
        }

        @Override
        public void tpcBegin(Xid xid) {
            c.tpcBegin(xid).toCompletableFuture().join();
        }

        @Override
        public void tpcPrepare() {
            c.tpcPrepare().toCompletableFuture().join();
        }

        @Override
        public void tpcCommit(Xid xid) {
            c.tpcCommit(xid).toCompletableFuture().join();
        }

        @Override
        public List<Xid> tpcRecover() {
            return c.tpcRecover().toCompletableFuture().join();
        }

        @Override
        public <T> T transaction(Function<Frontend, T> body) {
            // The body joins stages, so it runs on a thread of its own, never on the executor.
            try {
                return c.transaction(conn -> CompletableFuture.supplyAsync(() -> body.apply(this), Async::onNewThread))
                        .toCompletableFuture().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }

        private static void onNewThread(Runnable r) {
            Thread t = new Thread(r, "frontend-transaction-body");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public long executemany(String sql, List<Object[]> paramSets) {
            return c.cursor().executemany(sql, paramSets).toCompletableFuture().join().rowcount();
        }

        @Override
        public void listen(String channel) {
            c.notifies().subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                    s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(Notify n) {
                    received.add(n);
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onComplete() {
                }
            });
            execute("LISTEN " + channel);
        }

        @Override
        public Notify nextNotify(Duration timeout) throws InterruptedException {
            return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            c.close().toCompletableFuture().join();
        }

        // ---- COPY: each write waits for the previous one's stage (flow control)

        @Override
        public long copyIn(String sql, List<Object[]> rows) {
            AsyncCopy copy = c.copy(sql).toCompletableFuture().join();
            CompletionStage<Void> written = CompletableFuture.completedFuture(null);
            try {
                for (Object[] r : rows) {
                    copy.writeRow(r).toCompletableFuture().join(); // a producer that waits for each stage
                }
            } catch (CompletionException e) {
                written = CompletableFuture.failedFuture(e.getCause());
            }
            return finishOrAbort(copy, written);
        }

        @Override
        public long copyInRaw(String sql, byte[] data) {
            AsyncCopy copy = c.copy(sql).toCompletableFuture().join();
            return finishOrAbort(copy, copy.write(data));
        }

        /** As the blocking {@code conn.copy(sql, body)}: finished when the writes went well, else aborted and the failure rethrown. */
        private static long finishOrAbort(AsyncCopy copy, CompletionStage<Void> written) {
            return written.handle((v, e) -> e).thenCompose(e -> e == null ? copy.finish()
                    : copy.abort(e.toString()).handle((x, y) -> {
                        throw e instanceof CompletionException ce ? ce : new CompletionException(e);
                    })).toCompletableFuture().join();
        }

        @Override
        public void copyInAborted(String sql, List<Object[]> rows, String reason) {
            AsyncCopy copy = c.copy(sql).toCompletableFuture().join();
            CompletionStage<Void> written = CompletableFuture.completedFuture(null);
            for (Object[] r : rows) {
                written = written.thenCompose(v -> copy.writeRow(r));
            }
            written.thenCompose(v -> copy.abort(reason)).toCompletableFuture().join();
        }

        @Override
        public Named named(String name) {
            return new AsyncNamed(c.cursor(name));
        }

        @Override
        public List<Object[]> copyOutRows(String sql, String... types) {
            AsyncCopy copy = c.copy(sql).toCompletableFuture().join();
            copy.setTypes(types);
            List<Object[]> rows = new java.util.ArrayList<>();
            for (Object[] r; (r = copy.readRow().toCompletableFuture().join()) != null; ) {
                rows.add(r);
            }
            return rows;
        }

        @Override
        public byte[] copyOut(String sql, Object... params) {
            AsyncCopy copy = c.copy(sql, params).toCompletableFuture().join();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] b; (b = copy.read().toCompletableFuture().join()) != null; ) {
                out.write(b, 0, b.length);
            }
            return out.toByteArray();
        }

        // ---- rules both front ends share

        @Override
        public void setCharacteristics(io.tusk.IsolationLevel level, Boolean readOnly, Boolean deferrable) {
            c.setIsolationLevel(level);
            c.setReadOnly(readOnly);
            c.setDeferrable(deferrable);
        }

        @Override
        public void tpcCommit() {
            c.tpcCommit().toCompletableFuture().join();
        }

        @Override
        public void tpcRollback() {
            c.tpcRollback().toCompletableFuture().join();
        }

        @Override
        public void tpcRollback(Xid xid) {
            c.tpcRollback(xid).toCompletableFuture().join();
        }
    }

    // ---- server-side cursors (issue 13: async named cursors)

    final class BlockingNamed implements Named {
        private final io.tusk.ServerCursor<Row> cur;

        BlockingNamed(io.tusk.ServerCursor<Row> cur) {
            this.cur = cur;
        }

        @Override
        public void setScrollable(Boolean scrollable) {
            cur.setScrollable(scrollable);
        }

        @Override
        public void setWithhold(boolean withhold) {
            cur.setWithhold(withhold);
        }

        @Override
        public void setItersize(int itersize) {
            cur.setItersize(itersize);
        }

        @Override
        public void execute(String query, Object... params) {
            cur.execute(query, params);
        }

        @Override
        public List<Object> fetchone() {
            Row r = cur.fetchone();
            return r == null ? null : values(r);
        }

        @Override
        public List<List<Object>> fetchmany(int size) {
            return cur.fetchmany(size).stream().map(Frontend::values).toList();
        }

        @Override
        public List<List<Object>> fetchall() {
            return cur.fetchall().stream().map(Frontend::values).toList();
        }

        @Override
        public List<List<Object>> iterate(int limit) {
            List<List<Object>> out = new ArrayList<>();
            java.util.Iterator<Row> it = cur.iterator();
            while (out.size() < limit && it.hasNext()) {
                out.add(values(it.next()));
            }
            return out;
        }

        @Override
        public void scroll(int value, String mode) {
            cur.scroll(value, mode);
        }

        @Override
        public int rownumber() {
            return cur.rownumber();
        }

        @Override
        public long rowcount() {
            return cur.rowcount();
        }

        @Override
        public List<String> columnNames() {
            return cur.description().stream().map(io.tusk.Column::name).toList();
        }

        @Override
        public void close() {
            cur.close();
        }
    }

    final class AsyncNamed implements Named {
        private final AsyncServerCursor<Row> cur;

        AsyncNamed(AsyncServerCursor<Row> cur) {
            this.cur = cur;
        }

        private static <T> T join(CompletionStage<T> s) {
            return s.toCompletableFuture().join();
        }

        @Override
        public void setScrollable(Boolean scrollable) {
            cur.setScrollable(scrollable);
        }

        @Override
        public void setWithhold(boolean withhold) {
            cur.setWithhold(withhold);
        }

        @Override
        public void setItersize(int itersize) {
            cur.setItersize(itersize);
        }

        @Override
        public void execute(String query, Object... params) {
            join(cur.execute(query, params));
        }

        @Override
        public List<Object> fetchone() {
            Row r = join(cur.fetchone());
            return r == null ? null : values(r);
        }

        @Override
        public List<List<Object>> fetchmany(int size) {
            return join(cur.fetchmany(size)).stream().map(Frontend::values).toList();
        }

        @Override
        public List<List<Object>> fetchall() {
            return join(cur.fetchall()).stream().map(Frontend::values).toList();
        }

        @Override
        public List<List<Object>> iterate(int limit) {
            CompletableFuture<List<List<Object>>> done = new CompletableFuture<>();
            List<List<Object>> out = new ArrayList<>();
            cur.rows().subscribe(new Flow.Subscriber<>() {
                private Flow.Subscription s;

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    this.s = s;
                    s.request(limit);
                }

                @Override
                public void onNext(Row r) {
                    out.add(values(r));
                    if (out.size() == limit) {
                        s.cancel();
                        done.complete(out);
                    }
                }

                @Override
                public void onError(Throwable t) {
                    done.completeExceptionally(t);
                }

                @Override
                public void onComplete() {
                    done.complete(out);
                }
            });
            return done.join();
        }

        @Override
        public void scroll(int value, String mode) {
            join(cur.scroll(value, mode));
        }

        @Override
        public int rownumber() {
            return cur.rownumber();
        }

        @Override
        public long rowcount() {
            return cur.rowcount();
        }

        @Override
        public List<String> columnNames() {
            return cur.description().stream().map(io.tusk.Column::name).toList();
        }

        @Override
        public void close() {
            join(cur.close());
        }
    }
}
