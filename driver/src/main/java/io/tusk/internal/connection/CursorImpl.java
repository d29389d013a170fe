package io.tusk.internal.connection;

import io.tusk.Column;
import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Loader;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.cursor.BatchExchange;
import io.tusk.internal.cursor.BatchSource;
import io.tusk.internal.cursor.Columns;
import io.tusk.internal.cursor.ExtendedQuery;
import io.tusk.internal.cursor.PlannedStatement;
import io.tusk.internal.cursor.Results;
import io.tusk.internal.cursor.RowLoading;
import io.tusk.internal.cursor.StatementExchange;
import io.tusk.internal.pipeline.PipelineEngine;
import io.tusk.internal.prepare.StalePlan;
import io.tusk.internal.prepare.StatementCache;
import io.tusk.errors.DatabaseException;
import io.tusk.internal.cursor.ServerBoundRows;
import io.tusk.internal.protocol.backend.RowSet;
import io.tusk.internal.cursor.RewrittenInsertRows;
import io.tusk.internal.query.InsertRewrite;
import io.tusk.internal.query.ParsedQuery;
import io.tusk.internal.query.QueryParser;
import io.tusk.rows.RowFactory;
import io.tusk.rows.RowMaker;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A client-side cursor: the whole result is read when the statement runs, then fetched from
 * memory, as psycopg's client-side {@code Cursor} does. Parameters are bound on the server;
 * {@link ClientCursorImpl} and {@link RawCursorImpl} change only how a query and its
 * parameters become messages ({@link #runBound}, {@link #batchSource}).
 *
 * <p>Rows are made when fetched: the loaders and the row maker are chosen once per result
 * ({@link #select}), then each DataRow's values are loaded and handed to the maker.
 */
public class CursorImpl<R> implements Cursor<R> {
    private static final Object[] NO_PARAMS = new Object[0];

    final ConnectionImpl connection;
    private final RowFactory<R> rowFactory;
    private final AdaptersMap adapters;
    private boolean binary;
    /** psycopg's {@code prepare} argument, for every execution of this cursor: TRUE, FALSE or null (automatic). */
    private Boolean prepare;
    /** Results still to come from a pipeline, or null. */
    private Results pending;
    private Transformer transformer;
    private java.nio.charset.Charset transformerCharset;
    private Map<String, String> transformerParameters;
    private List<QueryResult> results = List.of();
    private int resultIndex = -1;
    private QueryResult current;
    private List<Column> columns;
    private Loader<?>[] loaders;
    /** The current result's rows, in chunks ({@link RowSet}); null when it has no columns. */
    private RowSet rows;
    private RowMaker<R> maker;
    private int position;
    /** The total of an executemany, which stands for every result; -1 otherwise. */
    private long batchRowcount = -1;
    private int arraysize = 1;
    private boolean closed;

    CursorImpl(ConnectionImpl connection, RowFactory<R> rowFactory) {
        this.connection = connection;
        this.rowFactory = rowFactory;
        this.adapters = connection.adapters().child();
    }

    @Override
    public Cursor<R> execute(String sql) {
        return execute(sql, NO_PARAMS);
    }

    @Override
    public Cursor<R> execute(String query, Object... params) {
        if (params == null || params.length == 0) {
            return executeSimple(query);
        }
        return executeBound(query, params, null);
    }

    @Override
    public Cursor<R> execute(String query, Map<String, ?> params) {
        if (params == null || params.isEmpty()) {
            return executeSimple(query);
        }
        return executeBound(query, null, params);
    }

    private Cursor<R> executeSimple(String sql) {
        start();
        if (binary || Boolean.TRUE.equals(prepare) || connection.activePipeline() != null) {
            // A pipeline carries only extended-query messages; a prepared statement needs Parse;
            // binary results exist only in the extended protocol (psycopg 3 does the same). One
            // statement per execute then, as with parameters.
            setResults(runExtended(sql, transformer.dump(NO_PARAMS, null)));
        } else {
            setResults(Results.of(connection.runSimple(sql)));
        }
        return this;
    }

    private Cursor<R> executeBound(String query, Object[] positional, Map<String, ?> named) {
        start();
        setResults(runBound(query, positional, named, transformer));
        return this;
    }

    /** Checks the cursor, forgets the previous results and takes the adapters for this execution. */
    private void start() {
        checkOpen();
        results = List.of();
        current = null;
        pending = null;
        resultIndex = -1;
        batchRowcount = -1;
        // A transformer holds no state of its own execution: keep it while the session (its
        // charset and live parameter map, which loaders read for TimeZone) is the same one.
        Session session = connection.session();
        java.nio.charset.Charset charset = session.charset();
        Map<String, String> parameters = session.parameters();
        if (transformer == null || charset != transformerCharset || parameters != transformerParameters) {
            transformer = new Transformer(adapters, io.tusk.adapt.AdaptContext.of(charset, parameters));
            transformerCharset = charset;
            transformerParameters = parameters;
        }
    }

    /**
     * Sends a query with parameters and returns its results. Here: converted to {@code $n} and
     * bound on the server; every parameter error is raised before anything is sent.
     */
    Results runBound(String query, Object[] positional, Map<String, ?> named, Transformer tx) {
        ParsedQuery q = QueryParser.parse(query);
        Object[] values = positional != null ? q.order(positional) : q.order(named);
        return runExtended(q.postgresQuery(), tx.dump(values, q.formats()));
    }

    /**
     * Runs one statement with the extended protocol, prepared when the statement cache says so
     * ({@link ExtendedQuery#plan}): in a pipeline it is queued, otherwise sent with its Sync,
     * after a BEGIN in the same write when one is due.
     */
    final Results runExtended(String sql, Transformer.Params params) {
        StatementCache cache = connection.statements();
        PipelineEngine pipeline = connection.activePipeline();
        if (pipeline != null) {
            pipeline.checkNotAborted();
            String begin = !connection.autocommit() && !pipeline.inTransaction() ? connection.beginStatement() : null;
            return pipeline.enqueue(begin, ExtendedQuery.plan(sql, params, binary, prepare, cache, adapters));
        }
        return Results.of(runOnce(sql, params, cache, true));
    }

    /**
     * One statement as one exchange. A prepared statement that fails with "cached plan must
     * not change result type" (or "prepared statement does not exist", {@link StalePlan}) failed
     * before doing anything: it is dropped from the cache and run once more, when that spoils no
     * transaction (autocommit, or the transaction was opened by this very exchange's BEGIN and is
     * rolled back). Inside the application's transaction it cannot: the error says why.
     */
    private List<QueryResult> runOnce(String sql, Transformer.Params params, StatementCache cache, boolean mayRetry) {
        StatementExchange[] sent = new StatementExchange[1];
        try {
            return connection.runWithImplicitBegin(begin -> {
                sent[0] = new StatementExchange(begin, ExtendedQuery.plan(sql, params, binary, prepare, cache, adapters));
                return sent[0];
            });
        } catch (DatabaseException e) {
            StatementExchange x = sent[0];
            PlannedStatement ps = x == null ? null : x.statement();
            switch (ps == null ? StalePlan.Retry.NO : StalePlan.afterFailure(cache, ps.key(), ps.decision(), ps.usesPrepared(), e,
                    mayRetry, x.sentBegin(), connection.session().transactionStatus())) {
                case AFTER_ROLLBACK:
                    connection.rollback();
                    return runOnce(sql, params, cache, false);
                case AGAIN:
                    return runOnce(sql, params, cache, false);
                case EXPLAIN:
                    throw StalePlan.explained(e);
                default:
                    throw e;
            }
        }
    }

    /** The rows of an executemany as messages. Here: bound on the server. */
    BatchSource batchSource(String query, Iterator<?> rows, Transformer tx, boolean returning) {
        ParsedQuery q = QueryParser.parse(query);
        if (!returning && connection.rewriteBatchedInserts()) {
            InsertRewrite rewrite = InsertRewrite.of(q);
            if (rewrite != null) {
                return new RewrittenInsertRows(q, rewrite, rows, tx, binary);
            }
        }
        return new ServerBoundRows(q, q.postgresQuery(), rows, tx, binary, returning);
    }

    @Override
    public Cursor<R> executemany(String query, Iterable<?> paramsSeq) {
        return executemany(query, paramsSeq, false);
    }

    @Override
    public Cursor<R> executemany(String query, Iterable<?> paramsSeq, boolean returning) {
        start();
        PipelineEngine pipeline = connection.activePipeline();
        if (pipeline != null && pipeline.busy()) {
            // executemany runs as its own exchange (its own Sync): the pipeline's answers come first.
            pipeline.sync();
        }
        BatchSource source = batchSource(query, paramsSeq.iterator(), transformer, returning);
        if (!source.prepareNext()) {
            batchRowcount = 0;
            return this;
        }
        BatchExchange.Outcome outcome = connection.runWithImplicitBegin(begin -> new BatchExchange(begin, source, returning));
        setResults(Results.of(outcome.results()));
        batchRowcount = outcome.rowCount();
        return this;
    }

    private void setResults(Results r) {
        if (r.ready()) {
            apply(r.get());
        } else {
            apply(List.of());
            pending = r;
        }
    }

    /** Takes results that a pipeline delivers late: reads the pipeline up to them if needed. */
    private void resolve() {
        Results p = pending;
        if (p != null) {
            pending = null;
            apply(p.get());
        }
    }

    private void apply(List<QueryResult> results) {
        this.results = results;
        this.resultIndex = -1;
        if (!nextset()) {
            current = null;
            columns = null;
        }
    }

    @Override
    public boolean nextset() {
        checkOpen();
        resolve();
        if (resultIndex + 1 >= results.size()) {
            return false;
        }
        select(results.get(++resultIndex));
        return true;
    }

    /** Makes {@code r} the current result: its columns, loaders and row maker are chosen here, once. */
    private void select(QueryResult r) {
        current = r;
        position = 0;
        if (r.description() == null) {
            columns = null;
            loaders = null;
            rows = null;
            maker = null;
        } else {
            rows = RowSet.of(r.rows());
            columns = Columns.describe(r.description());
            loaders = transformer.loaders(r.description());
            maker = rowFactory.makerFor(columns);
        }
    }

    @Override
    public R fetchone() {
        checkRows();
        return position < current.rows().size() ? row(position++) : null;
    }

    @Override
    public List<R> fetchmany(int size) {
        checkRows();
        int n = Math.max(0, Math.min(size, current.rows().size() - position));
        List<R> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(row(position++));
        }
        return out;
    }

    @Override
    public List<R> fetchmany() {
        return fetchmany(arraysize);
    }

    @Override
    public List<R> fetchall() {
        return fetchmany(Integer.MAX_VALUE);
    }

    private R row(int i) {
        Object[] values = new Object[loaders.length];
        RowLoading.load(rows, i, loaders, values);
        return maker.make(values);
    }

    @Override
    public void scroll(int value) {
        scroll(value, "relative");
    }

    @Override
    public void scroll(int value, String mode) {
        checkRows();
        long target;
        if ("relative".equals(mode)) {
            target = (long) position + value;
        } else if ("absolute".equals(mode)) {
            target = value;
        } else {
            throw new IllegalArgumentException("bad scroll mode '" + mode + "': use \"relative\" or \"absolute\"");
        }
        int size = current.rows().size();
        if (target < 0 || target >= size) {
            throw new IndexOutOfBoundsException("cannot scroll to row " + target + ": the result has " + size
                    + " rows (positions 0 to " + (size - 1) + ")");
        }
        position = (int) target;
    }

    @Override
    public Iterator<R> iterator() {
        checkRows();
        QueryResult over = current;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return current == over && !closed && position < over.rows().size();
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more rows in the current result");
                }
                return row(position++);
            }
        };
    }

    @Override
    public List<Column> description() {
        resolve();
        return current == null ? null : columns;
    }

    @Override
    public long rowcount() {
        resolve();
        if (batchRowcount >= 0) {
            return batchRowcount;
        }
        return current == null ? -1 : current.rowCount();
    }

    @Override
    public int rownumber() {
        resolve();
        return current == null || current.description() == null ? -1 : position;
    }

    @Override
    public String statusmessage() {
        resolve();
        return current == null ? null : current.statusMessage();
    }

    @Override
    public int arraysize() {
        return arraysize;
    }

    @Override
    public void setArraysize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("arraysize must be at least 1, not " + size);
        }
        arraysize = size;
    }

    @Override
    public boolean binary() {
        return binary;
    }

    @Override
    public void setBinary(boolean binary) {
        this.binary = binary;
    }

    @Override
    public Boolean prepare() {
        return prepare;
    }

    @Override
    public Cursor<R> setPrepare(Boolean prepare) {
        this.prepare = prepare;
        return this;
    }

    @Override
    public AdaptersMap adapters() {
        return adapters;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        pending = null;
        results = List.of();
        current = null;
        columns = null;
        rows = null;
    }

    final void checkOpen() {
        if (closed) {
            throw new InterfaceException("the cursor is closed");
        }
        if (connection.closedByUser()) {
            throw new InterfaceException("the connection is closed");
        }
    }

    private void checkRows() {
        checkOpen();
        resolve();
        if (current == null) {
            throw new ProgrammingException("no result available: execute a statement that returns rows first");
        }
        if (current.description() == null) {
            throw new ProgrammingException("the last operation didn't produce rows (command status: "
                    + current.statusMessage() + ")");
        }
    }

    // ---- streaming and COPY: delegated to internal.stream and internal.copy

    @Override
    public java.util.stream.Stream<R> stream(String query, Object... params) {
        checkOpen();
        return io.tusk.internal.stream.RowStreams.open(connection, query, params, null, this instanceof io.tusk.RawCursor,
                binary, adapters, rowFactory);
    }

    @Override
    public java.util.stream.Stream<R> stream(String query, Map<String, ?> params) {
        checkOpen();
        return io.tusk.internal.stream.RowStreams.open(connection, query, null, params, this instanceof io.tusk.RawCursor,
                binary, adapters, rowFactory);
    }

    @Override
    public io.tusk.Copy copy(String sql) {
        return copy(sql, NO_PARAMS);
    }

    @Override
    public io.tusk.Copy copy(String sql, Object... params) {
        checkOpen();
        return io.tusk.internal.stream.CursorCopies.start(connection, adapters, sql, params);
    }

    @Override
    public long copyFrom(java.io.InputStream in, String table, String sep, String nullString, List<String> columns)
            throws java.io.IOException {
        checkOpen();
        return io.tusk.internal.copy.CopyHelpers.copyFrom(connection, in, table, sep, nullString, columns);
    }

    @Override
    public long copyFrom(java.io.Reader in, String table, String sep, String nullString, List<String> columns)
            throws java.io.IOException {
        checkOpen();
        return io.tusk.internal.copy.CopyHelpers.copyFrom(connection, in, table, sep, nullString, columns);
    }

    @Override
    public long copyTo(java.io.OutputStream out, String table, String sep, String nullString, List<String> columns)
            throws java.io.IOException {
        checkOpen();
        return io.tusk.internal.copy.CopyHelpers.copyTo(connection, out, table, sep, nullString, columns);
    }

    @Override
    public long copyTo(java.io.Writer out, String table, String sep, String nullString, List<String> columns)
            throws java.io.IOException {
        checkOpen();
        return io.tusk.internal.copy.CopyHelpers.copyTo(connection, out, table, sep, nullString, columns);
    }

    @Override
    public long copyExpert(String sql, java.io.InputStream in) throws java.io.IOException {
        checkOpen();
        return io.tusk.internal.copy.CopyHelpers.copyExpert(connection, sql, in);
    }

    @Override
    public long copyExpert(String sql, java.io.OutputStream out) throws java.io.IOException {
        checkOpen();
        return io.tusk.internal.copy.CopyHelpers.copyExpert(connection, sql, out);
    }

}
