package io.tusk.demo;

import io.tusk.Connection;
import io.tusk.ConnectionInfo;
import io.tusk.Cursor;
import io.tusk.Tusk;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.QueryCanceledException;
import io.tusk.rows.Row;
import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A short, readable tour of the driver against an embedded PostgreSQL: connecting with SCRAM
 * over verified TLS, session information, queries, transactions, errors with their SQLSTATE,
 * notices and cancellation. Run it with {@code mvn -B -q -pl assembly exec:java}, or give it a
 * connection string of your own as the first argument.
 */
public final class Demo {
    private final PrintStream out;

    private Demo(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Demo demo = new Demo(System.out);
        if (args.length > 0) {
            demo.run(args[0]);
        } else {
            demo.out.println("Starting an embedded PostgreSQL (the binaries come from Maven Central)...");
            PgServer server = PgServer.get();
            TestDatabase db = server.sharedDatabase();
            String conninfo = db.conninfo(PgUsers.SCRAM) + " sslmode=verify-full sslrootcert=" + server.caFile();
            demo.run(conninfo);
        }
        System.exit(0); // the embedded server stops with the JVM
    }

    private void run(String conninfo) throws Exception {
        step("Connect");
        try (Connection conn = Tusk.connect(conninfo)) {
            ConnectionInfo info = conn.info();
            out.printf("  connected to %s:%d as %s, database %s%n", info.host(), info.port(), info.user(), info.dbname());
            out.printf("  server version %d, backend pid %d, TLS %s, protocol 3.%d%n",
                    info.serverVersion(), info.backendPid(), info.tls() ? "on" : "off", info.protocolVersion() & 0xffff);
            out.printf("  dsn (the password is never shown): %s%n", info.dsn());

            step("Query");
            Row row = conn.execute("SELECT current_user AS who, now()::date AS today, 6 * 7 AS answer").fetchone();
            out.printf("  who=%s today=%s answer=%s%n", row.get("who"), row.get("today"), row.get("answer"));

            step("Transactions (psycopg's rules: the first statement opens one)");
            conn.execute("CREATE TEMP TABLE demo_items (id int PRIMARY KEY, name text)");
            conn.execute("INSERT INTO demo_items VALUES (1, 'tusk'), (2, 'mammoth')");
            out.printf("  status after INSERT: %s%n", info.transactionStatus());
            conn.commit();
            conn.execute("DELETE FROM demo_items");
            conn.rollback();
            out.printf("  rows after DELETE + rollback: %s%n", conn.execute("SELECT count(*) FROM demo_items").fetchone().get(0));
            try (Cursor<Row> cur = conn.execute("SELECT id, name FROM demo_items ORDER BY id")) {
                for (Row r : cur) {
                    out.printf("  %s -> %s%n", r.get("id"), r.get("name"));
                }
            }
            conn.commit();

            step("Errors carry their SQLSTATE class and every diagnostic field");
            try {
                conn.execute("INSERT INTO demo_items VALUES (1, 'duplicate')");
            } catch (DatabaseException e) {
                out.printf("  %s: sqlstate %s, constraint %s%n", e.getClass().getSimpleName(), e.sqlstate(), e.diag().constraintName());
                conn.rollback();
            }

            step("Notices");
            conn.addNoticeHandler(d -> out.printf("  server says (%s): %s%n", d.severity(), d.messagePrimary()));
            conn.execute("DO $$ BEGIN RAISE NOTICE 'hello from the server'; END $$");
            conn.commit();

            step("Cancel a long statement from another thread");
            CompletableFuture<String> sleeper = CompletableFuture.supplyAsync(() -> {
                try {
                    conn.execute("SELECT pg_sleep(30)");
                    return "finished?";
                } catch (QueryCanceledException e) {
                    return "cancelled: " + e.getMessage();
                }
            });
            Thread.sleep(300);
            long start = System.nanoTime();
            conn.cancel();
            out.printf("  %s (after %d ms)%n", sleeper.get(10, TimeUnit.SECONDS), (System.nanoTime() - start) / 1_000_000);
            conn.rollback();
        }
        step("Done");
    }

    private void step(String title) {
        out.println();
        out.println("== " + title);
    }
}
