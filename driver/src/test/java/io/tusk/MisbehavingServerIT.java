package io.tusk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tusk.async.AsyncConnection;
import io.tusk.errors.OperationalException;
import io.tusk.internal.protocol.BackendBytes;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.rows.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server that answers out of order (a second ReadyForQuery, its answer twice, messages its
 * request did not ask for): every kind of statement ends the connection with a
 * ProtocolViolation, the connection says it is broken, and no statement ever gets another
 * statement's answer. Both front ends, against a scripted loopback server.
 */
class MisbehavingServerIT {
    /** The ways the server misbehaves, applied to one answer. */
    static Map<String, UnaryOperator<byte[]>> tampers() {
        byte[] ready = new BackendBytes().readyForQuery('T').toByteArray();
        return Map.of(
                "a second ReadyForQuery", a -> TamperingServer.concat(a, ready),
                "its answer twice", a -> TamperingServer.concat(a, a),
                "RowDescription after CommandComplete",
                a -> TamperingServer.beforeReady(a, new BackendBytes().rowDescription("v", 25).toByteArray()),
                "BindComplete nobody asked for",
                a -> TamperingServer.beforeReady(a, new BackendBytes().bindComplete().toByteArray()),
                "CopyData outside COPY",
                a -> TamperingServer.beforeReady(a, new BackendBytes().copyData(new byte[] {'x'}).toByteArray()),
                "a stray ParseComplete",
                a -> TamperingServer.concat(a, new BackendBytes().parseComplete().toByteArray()),
                "DataRow before RowDescription",
                a -> TamperingServer.concat(new BackendBytes().dataRowText("stale").toByteArray(), a));
    }

    /** The statements of the blocking front end, each giving its one value. */
    static Map<String, Function<Connection, String>> statements() {
        return Map.of(
                "simple query", c -> c.clientCursor().execute("SELECT 2").fetchone().getString(0),
                "extended query", c -> c.execute("SELECT %s", 2).fetchone().getString(0),
                "binary extended query", c -> {
                    Cursor<Row> cur = c.cursor();
                    cur.setBinary(true);
                    return cur.execute("SELECT %s", 2).fetchone().getString(0);
                },
                "stream", c -> {
                    try (Stream<Row> s = c.cursor().stream("SELECT %s", 2)) {
                        return s.findFirst().orElseThrow().getString(0);
                    }
                },
                "executemany", c -> {
                    c.cursor().executemany("SELECT %s", List.of(List.of(1), List.of(2)));
                    return null;
                },
                "server cursor", c -> {
                    try (ServerCursor<Row> cur = c.cursor("c")) {
                        Row r = cur.execute("SELECT 2").fetchone();
                        return r == null ? null : r.getString(0);
                    }
                },
                "pipeline", c -> {
                    try (Pipeline p = c.pipeline()) {
                        Cursor<Row> cur = c.execute("SELECT %s", 2);
                        p.sync();
                        return cur.fetchone().getString(0);
                    }
                });
    }

    static Stream<Arguments> blockingCases() {
        List<Arguments> all = new ArrayList<>();
        statements().forEach((s, run) -> tampers().forEach((t, tamper) -> all.add(Arguments.of(s, t, run, tamper))));
        return all.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("blockingCases")
    void blockingConnectionBreaksAndNeverHandsOnAnAnswer(String statement, String tamper, Function<Connection, String> run,
            UnaryOperator<byte[]> misbehave) throws Exception {
        try (TamperingServer server = new TamperingServer(); Connection conn = Tusk.connect(server.conninfo())) {
            List<String> answers = new ArrayList<>();
            answers.add(conn.execute("SELECT %s", 1).fetchone().getString(0)); // opens the transaction (BEGIN)
            server.tamperNext(misbehave);
            Object second = attempt(() -> run.apply(conn));
            Object third = attempt(() -> run.apply(conn));
            Object fourth = attempt(() -> conn.execute("SELECT %s", 4).fetchone().getString(0));

            assertTrue(violation(second) || violation(third), "a ProtocolViolation, not " + second + " / " + third);
            assertTrue(conn.isBroken(), "the connection says it is broken");
            assertEquals(TransactionStatus.UNKNOWN, conn.info().transactionStatus());
            assertInstanceOf(OperationalException.class, fourth);
            for (Object r : java.util.Arrays.asList(second, third)) {
                if (r instanceof String s) {
                    assertTrue(!answers.contains(s), "an answer handed on twice: " + s);
                    answers.add(s);
                } else if (r != null) {
                    assertInstanceOf(OperationalException.class, r, "only Tusk's exceptions");
                }
            }
        }
    }

    @Test
    void extraBytesAfterStartUpBreakTheFirstStatement() throws Exception {
        try (TamperingServer server = new TamperingServer(); Connection conn = Tusk.connect(server.conninfo())) {
            server.tamperNext(a -> TamperingServer.concat(a, new BackendBytes().readyForQuery('I').toByteArray()));
            conn.setAutocommit(true);
            assertEquals("answer-1", conn.execute("SELECT %s", 1).fetchone().getString(0));
            Object next = attempt(() -> conn.execute("SELECT %s", 2).fetchone().getString(0));
            assertInstanceOf(ProtocolViolation.class, next);
            assertTrue(conn.isBroken());
        }
    }

    /** The asynchronous statements, each giving its one value. */
    static Map<String, Function<AsyncConnection, String>> asyncStatements() {
        return Map.of(
                "extended query", c -> join(c.execute("SELECT %s", 2).thenCompose(cur -> cur.fetchone())
                        .thenApply(r -> r.getString(0))),
                "simple query", c -> join(c.execute("SELECT 2").thenCompose(cur -> cur.fetchone())
                        .thenApply(r -> r.getString(0))),
                "executemany", c -> {
                    join(c.cursor().executemany("SELECT %s", List.of(List.of(1), List.of(2))));
                    return null;
                });
    }

    static Stream<Arguments> asyncCases() {
        List<Arguments> all = new ArrayList<>();
        asyncStatements().forEach((s, run) -> tampers().forEach((t, tamper) -> all.add(Arguments.of(s, t, run, tamper))));
        return all.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("asyncCases")
    void asyncConnectionBreaksAndNeverHandsOnAnAnswer(String statement, String tamper, Function<AsyncConnection, String> run,
            UnaryOperator<byte[]> misbehave) throws Exception {
        try (TamperingServer server = new TamperingServer()) {
            AsyncConnection conn = Tusk.connectAsync(server.conninfo()).toCompletableFuture().get(10, TimeUnit.SECONDS);
            try {
                List<String> answers = new ArrayList<>();
                answers.add(run(() -> join(conn.execute("SELECT %s", 1).thenCompose(c -> c.fetchone())
                        .thenApply(r -> r.getString(0)))).toString());
                server.tamperNext(misbehave);
                Object second = attempt(() -> run.apply(conn));
                Object third = attempt(() -> run.apply(conn));

                assertTrue(violation(second) || violation(third), "a ProtocolViolation, not " + second + " / " + third);
                assertTrue(conn.isBroken(), "the connection says it is broken");
                for (Object r : java.util.Arrays.asList(second, third)) {
                    if (r instanceof String s) {
                        assertTrue(!answers.contains(s), "an answer handed on twice: " + s);
                        answers.add(s);
                    } else if (r != null) {
                        assertInstanceOf(OperationalException.class, r, "only Tusk's exceptions");
                    }
                }
            } finally {
                conn.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** A ProtocolViolation, or the refusal of a connection that one broke before (it is the cause). */
    private static boolean violation(Object thrown) {
        return thrown instanceof ProtocolViolation
                || (thrown instanceof OperationalException e && e.getCause() instanceof ProtocolViolation);
    }

    private static Object run(java.util.function.Supplier<String> s) {
        Object r = attempt(s);
        if (r instanceof Throwable t) {
            fail("the honest statement failed", t);
        }
        assertNotEquals(null, r);
        return r;
    }

    private static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new CompletionException(e.getCause());
        } catch (Exception e) {
            throw new AssertionError("no answer within 10 s", e);
        }
    }

    /** The value, or what was thrown (a CompletionException unwrapped). */
    private static Object attempt(java.util.function.Supplier<String> s) {
        try {
            return s.get();
        } catch (CompletionException e) {
            return e.getCause();
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable t) {
            return t;
        }
    }
}
