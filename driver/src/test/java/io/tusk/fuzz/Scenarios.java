package io.tusk.fuzz;

import io.tusk.Connection;
import io.tusk.Copy;
import io.tusk.Cursor;
import io.tusk.Pipeline;
import io.tusk.ServerCursor;
import io.tusk.Xid;
import io.tusk.async.AsyncConnection;
import io.tusk.async.AsyncCopy;
import io.tusk.async.AsyncCursor;
import io.tusk.async.AsyncPipeline;
import io.tusk.async.AsyncServerCursor;
import io.tusk.rows.Row;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/** The operations the fuzz runs against a mutated server, on the blocking and the async front ends. */
final class Scenarios {
    private Scenarios() {
    }

    interface Blocking {
        void run(Connection conn) throws Exception;
    }

    interface Async {
        void run(AsyncConnection conn) throws Exception;
    }

    record Named<T>(String name, T op) {
    }

    private static final AtomicInteger GIDS = new AtomicInteger();

    static final List<Named<Blocking>> BLOCKING = List.of(
            new Named<>("simple query", c -> c.execute("SELECT i, t FROM fuzz").fetchall()),
            new Named<>("query with parameters", c -> c.execute("SELECT %s, %s", 42, "text").fetchone()),
            new Named<>("prepared statement", c -> {
                Cursor<Row> cur = c.cursor().setPrepare(true);
                cur.execute("SELECT %s, %s", 1, "x").fetchall();
                cur.execute("SELECT %s, %s", 2, "y").fetchall();
            }),
            new Named<>("binary results", c -> {
                Cursor<Row> cur = c.cursor();
                cur.setBinary(true);
                cur.execute("SELECT i, t FROM fuzz WHERE i > %s", 0).fetchall();
            }),
            new Named<>("stream", c -> {
                try (var s = c.cursor().stream("SELECT i, t FROM fuzz WHERE i > %s", 0)) {
                    s.count();
                }
            }),
            new Named<>("copy out text", c -> {
                try (Copy copy = c.copy("COPY fuzz TO STDOUT")) {
                    while (copy.read() != null) {
                        // drain
                    }
                }
            }),
            new Named<>("copy out binary", c -> {
                try (Copy copy = c.copy("COPY fuzz TO STDOUT (FORMAT BINARY)")) {
                    copy.setTypes("int4", "text");
                    while (copy.readRow() != null) {
                        // drain
                    }
                }
            }),
            new Named<>("copy in text", c -> {
                try (Copy copy = c.copy("COPY fuzz FROM STDIN")) {
                    copy.write("1\ta\n2\tb\n");
                }
                c.commit();
            }),
            new Named<>("copy in binary", c -> {
                try (Copy copy = c.copy("COPY fuzz (i, t) FROM STDIN (FORMAT BINARY)")) {
                    copy.setTypes("int4", "text");
                    copy.writeRow(1, "a");
                }
                c.commit();
            }),
            new Named<>("server cursor", c -> {
                try (ServerCursor<Row> cur = c.cursor("fuzzcur")) {
                    cur.setItersize(2);
                    cur.execute("SELECT i, t FROM fuzz");
                    cur.fetchmany(2);
                    cur.fetchall();
                }
                c.commit();
            }),
            new Named<>("pipeline", c -> {
                try (Pipeline p = c.pipeline()) {
                    Cursor<Row> a = c.cursor();
                    Cursor<Row> b = c.cursor();
                    a.execute("INSERT INTO fuzz VALUES (%s, %s)", 9, "nine");
                    b.execute("SELECT i, t FROM fuzz WHERE i > %s", 0);
                    p.sync();
                    b.fetchall();
                }
                c.commit();
            }),
            new Named<>("executemany", c -> {
                c.cursor().executemany("INSERT INTO fuzz VALUES (%s, %s)", List.of(List.of(1, "a"), List.of(2, "b")));
                c.commit();
            }),
            new Named<>("two-phase commit", c -> {
                Xid xid = c.xid(1, "fuzz-" + GIDS.incrementAndGet(), "b");
                c.tpcBegin(xid);
                c.execute("INSERT INTO fuzz VALUES (%s, %s)", 1, "a");
                c.tpcPrepare();
                c.tpcCommit();
            }),
            new Named<>("two-phase recover", c -> {
                for (Xid x : c.tpcRecover()) {
                    c.tpcRollback(x);
                }
            }),
            new Named<>("listen and wait", c -> {
                c.setAutocommit(true);
                c.execute("LISTEN fuzz");
                try (var s = c.notifies(Duration.ofMillis(500), 2)) {
                    s.count();
                }
            }));

    static final List<Named<Async>> ASYNC = List.of(
            new Named<>("async query", c -> get(get(c.execute("SELECT i, t FROM fuzz")).fetchall())),
            new Named<>("async query with parameters", c -> get(get(c.execute("SELECT %s, %s", 42, "text")).fetchone())),
            new Named<>("async prepared statement", c -> {
                AsyncCursor<Row> cur = c.cursor().setPrepare(true);
                get(get(cur.execute("SELECT %s, %s", 1, "x")).fetchall());
                get(get(cur.execute("SELECT %s, %s", 2, "y")).fetchall());
            }),
            new Named<>("async binary results", c -> {
                AsyncCursor<Row> cur = c.cursor();
                cur.setBinary(true);
                get(get(cur.execute("SELECT i, t FROM fuzz WHERE i > %s", 0)).fetchall());
            }),
            new Named<>("async copy out", c -> {
                AsyncCopy copy = get(c.copy("COPY fuzz TO STDOUT"));
                while (get(copy.read()) != null) {
                    // drain
                }
            }),
            new Named<>("async copy in", c -> {
                AsyncCopy copy = get(c.copy("COPY fuzz FROM STDIN"));
                get(copy.write("1\ta\n"));
                get(copy.finish());
                get(c.commit());
            }),
            new Named<>("async server cursor", c -> {
                AsyncServerCursor<Row> cur = c.cursor("fuzzcur");
                get(cur.execute("SELECT i, t FROM fuzz"));
                get(cur.fetchmany(2));
                get(cur.fetchall());
                get(c.commit());
            }),
            new Named<>("async pipeline", c -> get(c.pipeline((AsyncPipeline p) -> {
                p.execute("INSERT INTO fuzz VALUES (%s, %s)", 9, "nine");
                return p.execute("SELECT i, t FROM fuzz WHERE i > %s", 0).thenCompose(AsyncCursor::fetchall);
            }))),
            new Named<>("async two-phase commit", c -> {
                Xid xid = Xid.of(1, "fuzz-async-" + GIDS.incrementAndGet(), "b");
                get(c.tpcBegin(xid));
                get(c.execute("INSERT INTO fuzz VALUES (%s, %s)", 1, "a"));
                get(c.tpcPrepare());
                get(c.tpcCommit());
            }),
            new Named<>("async two-phase recover", c -> {
                for (Xid x : get(c.tpcRecover())) {
                    get(c.tpcRollback(x));
                }
            }));

    /** The stage's value; its failure is thrown as the exception the driver raised, unwrapped. */
    static <T> T get(CompletionStage<T> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
    }
}
