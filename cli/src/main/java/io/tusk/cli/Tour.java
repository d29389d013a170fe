package io.tusk.cli;

import io.tusk.Connection;
import io.tusk.ConnectionInfo;
import io.tusk.Copy;
import io.tusk.Notify;
import io.tusk.Tusk;
import io.tusk.Xid;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.IntegrityException;
import io.tusk.rows.Row;
import io.tusk.types.Jsonb;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The driver's tour that {@code tusk demo} prints: connect, {@code %s} parameters and types, a
 * transaction block with a savepoint, COPY in and out, LISTEN/NOTIFY, an error with its
 * SQLSTATE, two-phase commit with the recovery of an in-doubt transaction from another
 * connection, and an XA transaction over two databases ({@link XaTour}). Each step prints
 * what it did; the code reads as the README's examples.
 *
 * <p>Example: {@code new Tour(out, "host=localhost dbname=app", "host=localhost dbname=stock").run()}.
 */
final class Tour {
    private static final String TABLE = "tusk_demo_orders";

    private final PrintWriter out;
    private final String conninfo;
    private final String secondDatabase;

    /**
     * @param conninfo where the tour runs
     * @param secondDatabase the other database of the XA step (the same as {@code conninfo}: two sessions of one database)
     */
    Tour(PrintWriter out, String conninfo, String secondDatabase) {
        this.out = out;
        this.conninfo = conninfo;
        this.secondDatabase = secondDatabase;
    }

    void run() throws Exception {
        try (Connection conn = ConnectionOptions.connect(conninfo); Interrupts.Guard g = Interrupts.guard(conn)) {
            connect(conn);
            parameters(conn);
            transaction(conn);
            copy(conn);
            errors(conn);
            notifications(conn);
            if (twoPhase(conn)) {
                step("XA across two databases: TuskXAResource, a crash between the commits, recovery");
                if (secondDatabase.equals(conninfo)) {
                    say("(both branches in one database, two sessions: run without --dsn for two databases)");
                }
                new XaTour(out, conninfo, secondDatabase).run();
            }
        }
        step("Done: every step ran against " + describeServer());
    }

    private String server;

    private String describeServer() {
        return server;
    }

    private void connect(Connection conn) {
        step("Connect: Tusk.connect(conninfo)");
        ConnectionInfo info = conn.info();
        server = "PostgreSQL " + info.serverVersion() / 10000 + " at " + info.host() + ":" + info.port();
        say("connected to %s:%d as %s, database %s", info.host(), info.port(), info.user(), info.dbname());
        say("server version %d, backend pid %d, TLS %s, protocol 3.%d",
                info.serverVersion(), info.backendPid(), info.tls() ? "on" : "off", info.protocolVersion() & 0xffff);
        say("dsn (the password is never shown): %s", info.dsn());
    }

    private void parameters(Connection conn) {
        step("Parameters and types: execute(\"... %s ...\", values), bound server-side");
        Row r = conn.execute("SELECT %s::int4 + 1 AS answer, upper(%s) AS name, %s * 2 AS price, %s + 1 AS tomorrow, "
                        + "%s::uuid AS id, %s AS doc, %s AS ok",
                41, "tusk", new BigDecimal("9.99"), LocalDate.of(2024, 2, 28),
                UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), Jsonb.of("{\"tags\": [\"pg\", \"java\"]}"), true)
                .fetchone();
        for (String column : r.columnNames()) {
            Object v = r.get(column);
            say("%-9s = %-40s (%s)", column, v, v == null ? "null" : v.getClass().getSimpleName());
        }
        conn.commit(); // as in psycopg, the first statement opened a transaction
    }

    private void transaction(Connection conn) {
        step("A transaction block with a savepoint: conn.transaction(tx -> ...)");
        conn.execute("CREATE TEMP TABLE demo_items (id int PRIMARY KEY, name text)");
        conn.commit();
        conn.transaction(tx -> {
            conn.execute("INSERT INTO demo_items VALUES (%s, %s)", 1, "tusk");
            try {
                conn.transaction(inner -> conn.execute("INSERT INTO demo_items VALUES (%s, %s)", 1, "duplicate"));
            } catch (IntegrityException e) {
                say("inner block rolled back to its savepoint: %s (%s)", e.getClass().getSimpleName(), e.sqlstate());
            }
            conn.execute("INSERT INTO demo_items VALUES (%s, %s)", 2, "mammoth");
            return null;
        });
        say("after COMMIT: %s", conn.execute("SELECT string_agg(id || '=' || name, ', ' ORDER BY id) FROM demo_items")
                .fetchone().get(0));
        conn.commit();
    }

    private void copy(Connection conn) {
        step("COPY: rows in with copy.writeRow(...), out with copy.readRow()");
        long start = System.nanoTime();
        long n = conn.copy("COPY demo_items (id, name) FROM STDIN", copy -> {
            for (int i = 3; i <= 10_002; i++) {
                copy.writeRow(i, "item " + i);
            }
        });
        conn.commit();
        say("copied in %,d rows in %d ms", n, (System.nanoTime() - start) / 1_000_000);
        try (Copy copy = conn.copy("COPY (SELECT id, name FROM demo_items ORDER BY id LIMIT 3) TO STDOUT")) {
            copy.setTypes("int4", "text");
            for (Object[] row; (row = copy.readRow()) != null; ) {
                say("copied out: id=%s (%s) name=%s", row[0], row[0].getClass().getSimpleName(), row[1]);
            }
        }
        conn.commit();
    }

    private void errors(Connection conn) {
        step("Errors carry their SQLSTATE class and every diagnostic field");
        try {
            conn.execute("SELECT 1 / %s", 0);
        } catch (DatabaseException e) {
            say("%s (a %s): sqlstate %s, \"%s\"", e.getClass().getSimpleName(), e.getClass().getSuperclass().getSimpleName(),
                    e.sqlstate(), e.diag().messagePrimary());
            conn.rollback();
        }
    }

    private void notifications(Connection conn) throws Exception {
        step("LISTEN/NOTIFY: conn.notifies(timeout, count)");
        conn.setAutocommit(true);
        conn.execute("LISTEN demo_channel");
        try (Connection other = Tusk.connect(conninfo)) {
            other.setAutocommit(true);
            other.execute("SELECT pg_notify(%s, %s)", "demo_channel", "order 1234 shipped");
            say("another connection (pid %d) sent a notification", other.info().backendPid());
        }
        try (Stream<Notify> notifies = conn.notifies(Duration.ofSeconds(5), 1)) {
            notifies.forEach(n -> say("received on '%s' from pid %d: %s", n.channel(), n.pid(), n.payload()));
        }
        conn.execute("UNLISTEN *");
        conn.setAutocommit(false);
    }

    /** The two-phase step; false when the server cannot prepare transactions. */
    private boolean twoPhase(Connection conn) {
        step("Two-phase commit: prepare, lose the connection, recover the in-doubt branch elsewhere");
        String max = conn.execute("SHOW max_prepared_transactions").fetchone().getString(0);
        conn.rollback();
        if ("0".equals(max)) {
            say("skipped, and the XA step too: this server has max_prepared_transactions = 0 (set it > 0 and restart)");
            return false;
        }
        conn.setAutocommit(true);
        conn.execute("DROP TABLE IF EXISTS " + TABLE);
        conn.execute("CREATE TABLE " + TABLE + " (id int PRIMARY KEY, item text)");
        conn.setAutocommit(false);
        Xid xid;
        try (Connection app = Tusk.connect(conninfo)) {
            xid = app.xid(42, "order-" + UUID.randomUUID().toString().substring(0, 8), "branch-1");
            app.tpcBegin(xid);
            app.execute("INSERT INTO " + TABLE + " VALUES (%s, %s)", 1234, "tusk plush");
            app.tpcPrepare();
            say("prepared %s on backend %d, then the application 'crashes' (closes without tpcCommit)",
                    xid, app.info().backendPid());
        }
        try (Connection recovery = Tusk.connect(conninfo)) {
            List<Xid> inDoubt = recovery.tpcRecover();
            for (Xid x : inDoubt) {
                if (x.equals(xid)) {
                    say("tpcRecover() on another connection finds: formatId=%d gtrid=%s bqual=%s owner=%s database=%s",
                            x.formatId(), x.gtrid(), x.bqual(), x.owner(), x.database());
                    recovery.tpcCommit(x);
                    say("tpcCommit(xid) finished it: COMMIT PREPARED '%s'", x);
                }
            }
            say("the order is in the table: %s", recovery.execute("SELECT item FROM " + TABLE + " WHERE id = 1234")
                    .fetchone().get(0));
            recovery.rollback();
            recovery.setAutocommit(true);
            recovery.execute("DROP TABLE " + TABLE);
        }
        say("(the operator's tool does the same by hand: tusk xa list | commit | rollback)");
        return true;
    }

    private void step(String title) {
        Interrupts.check(); // Ctrl-C stops the tour at the next step
        out.println();
        out.println("== " + title);
        out.flush();
    }

    private void say(String format, Object... args) {
        out.println("  " + String.format(format, args));
        out.flush();
    }
}
