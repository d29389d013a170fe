package io.tusk.bench;

import io.tusk.async.AsyncConnection;
import io.tusk.async.AsyncCursor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pipelined point selects on asynchronous connections, Tusk's {@code AsyncConnection} against
 * vertx-pg-client (the asynchronous PostgreSQL client users would pick instead): one operation
 * sends {@value #WINDOW} of pgbench's {@code -S} queries on each of {@value #CONNECTIONS}
 * connections without waiting ({@value #SELECTS} in flight in all) and waits for every answer.
 *
 * <p>Each driver as configured by default, except that vertx's pipelining limit is set to the
 * window and vertx gets as many event-loop threads as Tusk's shared I/O group has
 * ({@code min(4, cores)}). By default Tusk prepares a statement on the server after 5 runs
 * (psycopg's {@code prepare_threshold}), then sends Bind/Execute/Sync; vertx's
 * {@code preparedQuery} runs without its statement cache ({@code cachePreparedStatements=false}),
 * Parse/Bind/Describe/Execute/Sync each time. Two controls compare like with like:
 * {@code tuskUnprepared} (threshold null) against that default vertx, and the default Tusk
 * against {@code vertxCached} (vertx's cache on). Tusk completes a user's stage on the connection's executor (the common
 * pool by default: user code never runs on an I/O thread), vertx on its event loop; the
 * {@code tuskDirect} variant passes a direct executor to show what that hand-over costs.
 *
 * <pre>{@code bench/run --only 'AsyncPointSelect'}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class AsyncPointSelect {
    static final int CONNECTIONS = 4;
    static final int WINDOW = 64;
    /** Point selects per operation. */
    static final int SELECTS = CONNECTIONS * WINDOW;
    static final String VERTX_SQL = "SELECT abalance FROM pgbench_accounts WHERE aid = $1";

    /** Four Tusk asynchronous connections, autocommit on, completing on the given executor. */
    public abstract static class TuskSide {
        final List<AsyncConnection> conns = new ArrayList<>();

        abstract Executor executor();

        /** A variant's own settings (one @Setup per class: JMH would run an overriding one twice). */
        void configure(AsyncConnection c) {
        }

        @Setup(Level.Trial)
        public void open() throws Exception {
            String conninfo = BenchTarget.fromSystemProperties().conninfo();
            for (int i = 0; i < CONNECTIONS; i++) {
                AsyncConnection c = AsyncConnection.connect(conninfo, Map.of(), executor()).toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                c.setAutocommit(true);
                configure(c);
                conns.add(c);
            }
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            for (AsyncConnection c : conns) {
                c.close().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Tusk as configured by default: stages complete on the common pool. */
    @State(Scope.Thread)
    public static class TuskDefault extends TuskSide {
        @Override
        Executor executor() {
            return null;
        }
    }

    /** Tusk never preparing (threshold null): Parse/Bind/Describe/Execute/Sync per query, as default vertx. */
    @State(Scope.Thread)
    public static class TuskUnprepared extends TuskSide {
        @Override
        Executor executor() {
            return null;
        }

        @Override
        void configure(AsyncConnection c) {
            c.setPrepareThreshold(null);
        }
    }

    /** Tusk with stages completed on the I/O thread itself (as vertx does): a control. */
    @State(Scope.Thread)
    public static class TuskDirect extends TuskSide {
        @Override
        Executor executor() {
            return Runnable::run;
        }
    }

    /** Four vertx-pg-client connections on a Vert.x with Tusk's number of event loops. */
    public abstract static class VertxSide {
        Vertx vertx;
        final List<PreparedQuery<RowSet<io.vertx.sqlclient.Row>>> queries = new ArrayList<>();
        final List<PgConnection> conns = new ArrayList<>();

        @Setup(Level.Trial)
        public void open() throws Exception {
            BenchTarget t = BenchTarget.fromSystemProperties();
            // Tusk's shared I/O group has min(4, cores) threads (EventLoopGroup.shared()); Vert.x's default is 2 x cores.
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.min(4, Runtime.getRuntime().availableProcessors())));
            PgConnectOptions options = new PgConnectOptions().setHost(t.host()).setPort(t.port())
                    .setDatabase(t.dbname()).setUser(t.user()).setSslMode(SslMode.of(t.sslmode()))
                    .setPipeliningLimit(WINDOW).setCachePreparedStatements(cachePreparedStatements());
            if (t.password() != null) {
                options.setPassword(t.password());
            }
            for (int i = 0; i < CONNECTIONS; i++) {
                PgConnection c = PgConnection.connect(vertx, options).toCompletionStage().toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                conns.add(c);
                queries.add(c.preparedQuery(VERTX_SQL));
            }
        }

        abstract boolean cachePreparedStatements();

        @TearDown(Level.Trial)
        public void close() throws Exception {
            for (PgConnection c : conns) {
                c.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** vertx-pg-client as configured by default ({@code cachePreparedStatements=false}). */
    @State(Scope.Thread)
    public static class VertxDefault extends VertxSide {
        @Override
        boolean cachePreparedStatements() {
            return false;
        }
    }

    /**
     * vertx-pg-client with its prepared-statement cache on (its documented setting for speed: a
     * named statement per connection, then Bind/Execute only). A control: both prepared.
     */
    @State(Scope.Thread)
    public static class VertxCached extends VertxSide {
        @Override
        boolean cachePreparedStatements() {
            return true;
        }
    }

    @Benchmark
    public long tusk(TuskDefault s) {
        return tuskWindow(s);
    }

    @Benchmark
    public long tuskUnprepared(TuskUnprepared s) {
        return tuskWindow(s);
    }

    @Benchmark
    public long tuskDirect(TuskDirect s) {
        return tuskWindow(s);
    }

    private static long tuskWindow(TuskSide s) {
        CompletableFuture<?>[] all = new CompletableFuture<?>[SELECTS];
        int n = 0;
        for (int w = 0; w < WINDOW; w++) {
            for (AsyncConnection c : s.conns) {
                all[n++] = c.execute(PointSelect.TUSK_SQL, PointSelect.randomAid())
                        .thenCompose(AsyncCursor::fetchone).toCompletableFuture();
            }
        }
        long balances = 0;
        int rows = 0;
        for (CompletableFuture<?> f : all) {
            io.tusk.rows.Row row = (io.tusk.rows.Row) f.join();
            if (row != null) {
                balances += Math.abs((Integer) row.get(0));
                rows++;
            }
        }
        return check(rows, balances);
    }

    @Benchmark
    public long vertx(VertxDefault s) {
        return vertxWindow(s);
    }

    @Benchmark
    public long vertxCached(VertxCached s) {
        return vertxWindow(s);
    }

    private static long vertxWindow(VertxSide s) {
        @SuppressWarnings("unchecked")
        Future<RowSet<io.vertx.sqlclient.Row>>[] all = new Future[SELECTS];
        int n = 0;
        for (int w = 0; w < WINDOW; w++) {
            for (PreparedQuery<RowSet<io.vertx.sqlclient.Row>> q : s.queries) {
                all[n++] = q.execute(Tuple.of(PointSelect.randomAid()));
            }
        }
        long balances = 0;
        int rows = 0;
        for (Future<RowSet<io.vertx.sqlclient.Row>> f : all) {
            RowSet<io.vertx.sqlclient.Row> rs = f.toCompletionStage().toCompletableFuture().join();
            for (io.vertx.sqlclient.Row row : rs) {
                balances += Math.abs(row.getInteger(0));
                rows++;
            }
        }
        return check(rows, balances);
    }

    /** Every select found its account, and every balance is the fixture's 0 (nothing ran the wrong statement). */
    private static long check(int rows, long balances) {
        Checks.rows(rows, SELECTS);
        if (balances != 0) {
            throw new IllegalStateException("pgbench_accounts.abalance is 0 in every row (Fixtures.create), "
                    + "but the selects summed to " + balances);
        }
        return rows;
    }
}
