package io.tusk.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.async.AsyncConnection;
import io.tusk.errors.OperationalException;
import io.tusk.errors.TuskException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The driver against a hostile server: {@link FakePostgres} answers like PostgreSQL 17, and one
 * reply per case is spoiled by a {@link Mutation} (in start-up and authentication, or in a call:
 * query, prepared and binary results, stream, COPY, server cursor, pipeline, executemany,
 * two-phase commit, LISTEN, on both front ends). After each case four promises are checked (see
 * "Against a hostile or broken server" in docs/reference/connection.md):
 * <ol>
 * <li>only Tusk's exceptions ({@code io.tusk.errors}) escape;
 * <li>no call outlives its bound ({@code connect_timeout}, or the server hanging up);
 * <li>the next, unmutated statement on the connection gets its own answer, or the connection
 * is broken and says so with an {@code OperationalException};
 * <li>a session never opens unless the server really authenticated: under
 * {@code require_auth=scram-sha-256} only with the true server signature, under
 * {@code channel_binding=require} (no TLS here) never, and never without AuthenticationOk.
 * </ol>
 *
 * <p>Deterministic by seed. The build runs a short fixed-seed run; {@code -Dtusk.fuzz.seconds=N}
 * runs longer, {@code -Dtusk.fuzz.seed=S} another sequence, {@code -Dtusk.fuzz.case=C} one case
 * (the number printed with a failure).
 */
class HostileServerFuzzTest {
    static final long DEFAULT_SEED = 20261203L;
    static final int DEFAULT_SECONDS = 45;
    /** connect_timeout (2 s), the server's hang-up after a mutation (1 s), and room for a slow machine. */
    static final long DEADLINE_MS = 8000;

    enum Failure { FOREIGN_EXCEPTION, HANG, WRONG_ANSWER, NOT_BROKEN, AUTH_BYPASS, SETUP }

    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-call");
        t.setDaemon(true);
        return t;
    });
    private final Map<Failure, Integer> failures = new EnumMap<>(Failure.class);
    private final Map<String, Integer> applied = new TreeMap<>();
    private final List<String> reports = new ArrayList<>();
    private FakePostgres server;
    private int cases;
    private int mutated;

    /** The fuzz means something only if the unspoiled server answers every scenario as PostgreSQL would. */
    @Test
    void everyScenarioSucceedsAgainstTheUnmutatedServer() throws Exception {
        try (FakePostgres s = new FakePostgres()) {
            for (FakePostgres.Auth auth : FakePostgres.Auth.values()) {
                s.plan.auth = auth;
                String conninfo = "host=127.0.0.1 port=" + s.port() + " dbname=fuzz user=fuzz sslmode=disable connect_timeout=2"
                        + (auth == FakePostgres.Auth.TRUST ? "" : " password=" + FakePostgres.PASSWORD)
                        + (auth == FakePostgres.Auth.SCRAM ? " require_auth=scram-sha-256" : "");
                for (Scenarios.Named<Scenarios.Blocking> op : Scenarios.BLOCKING) {
                    try (Connection conn = Tusk.connect(conninfo)) {
                        op.op().run(conn);
                        conn.rollback();
                        org.junit.jupiter.api.Assertions.assertEquals(7, conn.execute("SELECT 7").fetchone().get(0), op.name());
                    } catch (Exception e) {
                        throw new AssertionError(op.name() + " with " + auth, e);
                    }
                }
                for (Scenarios.Named<Scenarios.Async> op : Scenarios.ASYNC) {
                    AsyncConnection conn = Scenarios.get(AsyncConnection.connect(conninfo, Map.of(), null));
                    try {
                        op.op().run(conn);
                        Scenarios.get(conn.rollback());
                        org.junit.jupiter.api.Assertions.assertEquals(7,
                                Scenarios.get(Scenarios.get(conn.execute("SELECT 7")).fetchone()).get(0), op.name());
                    } catch (Exception e) {
                        throw new AssertionError(op.name() + " with " + auth, e);
                    } finally {
                        Scenarios.get(conn.close());
                    }
                }
            }
        }
    }

    /**
     * Cases a long run once failed, replayed first in every run: an async prepared statement
     * whose second answer had a DataRow narrower than the cached RowDescription
     * (ArrayIndexOutOfBounds in the async cursor, now a ProtocolViolation as the row arrives).
     */
    private static final long[] REGRESSIONS = {2361444505975533800L};

    @Test
    void driverKeepsItsPromisesAgainstAHostileServer() throws Exception {
        long seed = Long.getLong("tusk.fuzz.seed", DEFAULT_SEED);
        long seconds = Long.getLong("tusk.fuzz.seconds", DEFAULT_SECONDS);
        String one = System.getProperty("tusk.fuzz.case");
        try (FakePostgres s = new FakePostgres()) {
            server = s;
            if (one != null && !one.isBlank()) {
                runCase(0, Long.parseLong(one.strip()));
            } else {
                for (long known : REGRESSIONS) {
                    runCase(cases, known);
                }
                Random master = new Random(seed);
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                while (System.nanoTime() < end) {
                    runCase(cases, master.nextLong());
                }
            }
        } finally {
            threads.shutdownNow();
        }
        StringBuilder summary = new StringBuilder("hostile-server fuzz: seed " + seed + ", " + cases + " exchanges, "
                + mutated + " mutated; mutations applied " + applied + "; failures");
        for (Failure f : Failure.values()) {
            summary.append(' ').append(f).append('=').append(failures.getOrDefault(f, 0));
        }
        System.out.println(summary);
        // every failing case, for a long run's post-mortem (the assertion message shows the first 40)
        java.nio.file.Path report = java.nio.file.Path.of("target", "hostile-server-fuzz.txt");
        if (java.nio.file.Files.isDirectory(report.getParent())) {
            java.nio.file.Files.write(report, java.util.stream.Stream.concat(java.util.stream.Stream.of(summary.toString()),
                    reports.stream()).toList());
        }
        if (!reports.isEmpty()) {
            fail(summary + "\n" + String.join("\n", reports.subList(0, Math.min(40, reports.size())))
                    + "\nreproduce one case with -Dtusk.fuzz.case=<case> (-Dtest=HostileServerFuzzTest)");
        }
    }

    private void runCase(int index, long caseSeed) throws Exception {
        cases++;
        Random r = new Random(caseSeed);
        boolean startup = r.nextInt(10) < 3;
        boolean async = r.nextInt(4) == 0;
        FakePostgres.Auth auth = FakePostgres.Auth.values()[r.nextInt(3)];
        Mutation.Kind[] kinds = Mutation.Kind.values();
        Mutation.Kind kind;
        do {
            kind = kinds[r.nextInt(kinds.length)];
        } while (kind == Mutation.Kind.SCRIPTED || kind.startupOnly() && (!startup || auth != FakePostgres.Auth.SCRAM) && kind != Mutation.Kind.SKIP_AUTH_OK);
        if (kind == Mutation.Kind.SKIP_AUTH_OK) {
            startup = true;
        }
        Mutation mutation = new Mutation(kind, r.nextInt(3), r.nextLong());
        String policy = "";
        if (auth == FakePostgres.Auth.SCRAM && startup) {
            int p = r.nextInt(4);
            policy = p == 0 ? " require_auth=scram-sha-256" : p == 1 ? " channel_binding=require" : "";
        }
        int scenario = r.nextInt(async ? Scenarios.ASYNC.size() : Scenarios.BLOCKING.size());
        String name = async ? Scenarios.ASYNC.get(scenario).name() : Scenarios.BLOCKING.get(scenario).name();
        int check = r.nextInt(1_000_000);
        String conninfo = "host=127.0.0.1 port=" + server.port() + " dbname=fuzz user=fuzz sslmode=disable connect_timeout=2"
                + (auth == FakePostgres.Auth.TRUST ? "" : " password=" + FakePostgres.PASSWORD) + policy;
        String what = "case " + caseSeed + " (#" + index + "): " + (async ? "async " : "") + (startup ? "start-up" : name)
                + ", auth " + auth + policy + ", mutation " + mutation;

        server.plan.auth = auth;
        server.plan.startup = startup ? mutation : null;
        server.plan.call = null;
        Outcome<Object> opened = call(() -> async ? Scenarios.get(AsyncConnection.connect(conninfo, Map.of(), null))
                : Tusk.connect(conninfo));
        FakePostgres.Record record = server.last;
        if (startup) {
            mutated += record.applied.isEmpty() ? 0 : 1;
            count(record);
            if (!judge(opened, what, record)) {
                return;
            }
            if (opened.value == null) {
                return;
            }
            boolean intact = awaitIntact(record);
            if (!intact || policy.contains("channel_binding=require")) {
                failed(Failure.AUTH_BYPASS, what, record, "the session opened although "
                        + (intact ? "no channel binding took place" : "the server never proved it authenticated the client"));
                closeQuietly(opened.value);
                return;
            }
        } else if (opened.error != null || opened.hung) {
            failed(Failure.SETUP, what, record, "an unmutated start-up failed: " + describe(opened));
            return;
        }
        Object conn = opened.value;
        if (!startup) {
            server.plan.call = mutation;
            Outcome<Object> ran = call(() -> {
                if (async) {
                    Scenarios.ASYNC.get(scenario).op().run((AsyncConnection) conn);
                } else {
                    Scenarios.BLOCKING.get(scenario).op().run((Connection) conn);
                }
                return null;
            });
            server.plan.call = null;
            mutated += record.applied.isEmpty() ? 0 : 1;
            count(record);
            if (!judge(ran, what, record)) {
                return;
            }
        }
        checkNextStatement(conn, async, check, what, record);
        closeQuietly(conn);
    }

    /** Promise 3: the next statement gets its own answer, or the connection is broken and says so. */
    private void checkNextStatement(Object conn, boolean async, int n, String what, FakePostgres.Record record) throws Exception {
        Outcome<Object> rolled = call(() -> {
            if (async) {
                Scenarios.get(((AsyncConnection) conn).rollback());
            } else {
                ((Connection) conn).rollback();
            }
            return null;
        });
        if (!judge(rolled, what + ", then rollback", record)) {
            return;
        }
        Outcome<Object> answer = call(() -> async
                ? Scenarios.get(Scenarios.get(((AsyncConnection) conn).execute("SELECT " + n)).fetchone()).get(0)
                : ((Connection) conn).execute("SELECT " + n).fetchone().get(0));
        if (!judge(answer, what + ", then SELECT " + n, record)) {
            return;
        }
        boolean broken = async ? ((AsyncConnection) conn).isBroken() || ((AsyncConnection) conn).isClosed()
                : ((Connection) conn).isBroken() || ((Connection) conn).isClosed();
        if (answer.error == null && !Integer.valueOf(n).equals(answer.value)) {
            failed(Failure.WRONG_ANSWER, what, record, "SELECT " + n + " answered " + answer.value);
        } else if (answer.error != null && !(answer.error instanceof OperationalException && broken)) {
            failed(Failure.NOT_BROKEN, what, record, "SELECT " + n + " raised " + describe(answer)
                    + (broken ? "" : " on a connection that is not marked broken"));
        }
    }

    /** Promises 1 and 2 for one call; false when the case is over (a failure, or the connection is gone). */
    private boolean judge(Outcome<?> o, String what, FakePostgres.Record record) {
        if (o.hung) {
            failed(Failure.HANG, what, record, "the call was still running after " + DEADLINE_MS + " ms");
            server.dropAll();
            return false;
        }
        if (o.error != null && !(o.error instanceof TuskException)) {
            failed(Failure.FOREIGN_EXCEPTION, what, record, describe(o));
            server.dropAll();
            return false;
        }
        return true;
    }

    private boolean awaitIntact(FakePostgres.Record record) throws InterruptedException {
        // the server thread records the flag just after its last start-up write
        for (int i = 0; i < 100 && !record.authIntact; i++) {
            Thread.sleep(5);
        }
        return record.authIntact;
    }

    private void count(FakePostgres.Record record) {
        for (String a : record.applied) {
            applied.merge(a.substring(0, a.indexOf(' ')), 1, Integer::sum);
        }
    }

    private void failed(Failure kind, String what, FakePostgres.Record record, String detail) {
        failures.merge(kind, 1, Integer::sum);
        reports.add(kind + ": " + what + " -- applied " + record.applied + " -- " + detail);
    }

    private static String describe(Outcome<?> o) {
        if (o.hung) {
            return "no answer (hung)";
        }
        StringBuilder s = new StringBuilder(o.error.getClass().getName() + ": " + o.error.getMessage());
        StackTraceElement[] at = o.error.getStackTrace();
        for (int i = 0; i < Math.min(at.length, o.error instanceof TuskException ? 1 : 6); i++) {
            s.append(" at ").append(at[i]);
        }
        return s.toString();
    }

    private void closeQuietly(Object conn) {
        call(() -> {
            if (conn instanceof Connection c) {
                c.close();
            } else if (conn instanceof AsyncConnection c) {
                Scenarios.get(c.close());
            }
            return null;
        });
        server.dropAll();
    }

    record Outcome<T>(T value, Throwable error, boolean hung) {
    }

    /** Runs the call on its own thread and waits at most {@link #DEADLINE_MS} for it. */
    private <T> Outcome<T> call(Callable<T> work) {
        Future<T> f = threads.submit(work);
        try {
            return new Outcome<>(f.get(DEADLINE_MS, TimeUnit.MILLISECONDS), null, false);
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Outcome<>(null, null, true);
        } catch (java.util.concurrent.ExecutionException e) {
            return new Outcome<>(null, e.getCause(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome<>(null, e, false);
        }
    }
}
