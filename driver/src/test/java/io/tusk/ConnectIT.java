package io.tusk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.Diagnostic;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.UndefinedTable;
import io.tusk.rows.Row;
import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@PgTest
class ConnectIT {

    @Test
    void connectsOverTcpAndRunsAQuery(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Row row = conn.execute("SELECT 1 AS one, 'abc' AS s, NULL AS nothing").fetchone();
            assertEquals("1", row.getString(0));
            assertEquals("abc", row.get("s"));
            assertNull(row.get("nothing"));
            assertEquals(List.of("one", "s", "nothing"), row.columnNames());
        }
    }

    @Test
    void infoDescribesTheSession(PgServer server, TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            ConnectionInfo info = conn.info();
            assertEquals(server.serverVersionNum(), info.serverVersion());
            assertEquals(info.backendPid(), conn.execute("SELECT pg_backend_pid()").fetchone().get(0));
            assertEquals(db.dbname(), info.dbname());
            assertEquals(PgUsers.TRUST, info.user());
            assertEquals(db.port(), info.port());
            assertEquals(StandardCharsets.UTF_8, info.encoding());
            assertEquals("UTF8", info.parameterStatus("client_encoding"));
            assertNotNull(info.parameters().get("server_version"));
            assertEquals(ConnectionStatus.OK, info.status());
            assertEquals(196608, info.protocolVersion());
        }
    }

    @Test
    void firstStatementOpensATransactionAsPsycopgDoes(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
            conn.execute("SELECT 1");
            assertEquals(TransactionStatus.INTRANS, conn.info().transactionStatus());
            conn.commit();
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
            conn.setAutocommit(true);
            conn.execute("SELECT 1");
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
        }
    }

    @Test
    void rollbackDiscardsTheImplicitTransaction(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.execute("CREATE TEMP TABLE t (x int)");
            conn.commit();
            conn.execute("INSERT INTO t VALUES (1)");
            conn.rollback();
            assertEquals("0", conn.execute("SELECT count(*) FROM t").fetchone().getString(0));
        }
    }

    @Test
    void serverErrorsCarryTheirClassAndDiagnostic(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            UndefinedTable e = assertThrows(UndefinedTable.class, () -> conn.execute("SELECT * FROM no_such_table"));
            assertEquals("42P01", e.sqlstate());
            assertEquals("15", e.diag().statementPosition());
            assertEquals(TransactionStatus.INERROR, conn.info().transactionStatus());
            conn.rollback();
            assertEquals("1", conn.execute("SELECT 1").fetchone().getString(0), "the session is usable after the error");
        }
    }

    @Test
    void severalStatementsKeepEveryResult(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Cursor<Row> cur = conn.execute("SELECT 1; SELECT 2, 3");
            assertEquals("1", cur.fetchone().getString(0));
            assertTrue(cur.nextset());
            assertEquals(List.of(2, 3), cur.fetchone().toList());
            assertFalse(cur.nextset());
        }
    }

    @Test
    void connectsThroughTheUnixSocket(PgServer server, TestDatabase db) {
        server.assumeEmbedded("needs the kit's Unix-socket directory");
        String conninfo = "host=" + server.unixSocketDir() + " port=" + server.port() + " dbname=" + db.dbname()
                + " user=" + PgUsers.TRUST;
        try (Connection conn = Tusk.connect(conninfo)) {
            assertNull(conn.execute("SELECT inet_client_addr()").fetchone().get(0), "a socket connection has no client address");
            assertEquals(server.unixSocketDir().toString(), conn.info().host());
        }
    }

    @Test
    void noticesReachHandlersAndTheBoundedList(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            List<Diagnostic> seen = new ArrayList<>();
            conn.addNoticeHandler(seen::add);
            conn.execute("DO $$ BEGIN RAISE NOTICE 'hello %', 42; END $$");
            assertEquals(1, seen.size());
            assertEquals("hello 42", seen.get(0).messagePrimary());
            assertEquals("NOTICE", seen.get(0).severityNonlocalized());
            for (int i = 0; i < 60; i++) {
                conn.execute("DO $$ BEGIN RAISE NOTICE 'n%', " + i + "; END $$");
            }
            List<Diagnostic> kept = conn.notices();
            assertEquals(50, kept.size());
            assertEquals("n59", kept.get(49).messagePrimary());
        }
    }

    @Test
    void overridesReplaceConnectionStringParameters(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST), Map.of("application_name", "tusk-it"))) {
            assertEquals("tusk-it", conn.execute("SHOW application_name").fetchone().get(0));
        }
    }

    @Test
    void aClosedConnectionRefusesWork(TestDatabase db) {
        Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST));
        conn.close();
        conn.close(); // idempotent
        assertTrue(conn.isClosed());
        assertEquals(ConnectionStatus.BAD, conn.info().status());
        assertThrows(InterfaceException.class, () -> conn.execute("SELECT 1"));
    }

    @Test
    void threadsShareOneConnectionSafely(TestDatabase db) throws Exception {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.setAutocommit(true);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> futures = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int base = t * 1000;
                    futures.add(pool.submit(() -> {
                        int ok = 0;
                        for (int i = 0; i < 100; i++) {
                            String v = conn.execute("SELECT " + (base + i)).fetchone().getString(0);
                            if (v.equals(String.valueOf(base + i))) {
                                ok++;
                            }
                        }
                        return ok;
                    }));
                }
                for (Future<Integer> f : futures) {
                    assertEquals(100, f.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void resetRollsBackAndRestoresSessionDefaults(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.execute("SET application_name = 'changed'");
            conn.commit();
            conn.execute("SELECT 1"); // leaves a transaction open for reset to roll back
            conn.reset();
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
            assertEquals("", conn.execute("SHOW application_name").fetchone().get(0));
        }
    }
}
