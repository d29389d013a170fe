package io.tusk.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.Pipeline;
import io.tusk.TransactionStatus;
import io.tusk.Tusk;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.PipelineAbortedException;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pipeline mode (psycopg's conn.pipeline()) against a real server. */
@PgTest
class PipelineIT {
    private static Connection connect(TestDatabase db, boolean autocommit) {
        Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST));
        conn.setAutocommit(autocommit);
        return conn;
    }

    @Test
    void resultsOfEveryCursorArriveInOrder(TestDatabase db) {
        try (Connection conn = connect(db, true)) {
            conn.execute("CREATE TEMP TABLE pl (n int)");
            Cursor<Row> insert = conn.cursor();
            Cursor<Row> count = conn.cursor();
            Cursor<Row> echo = conn.cursor();
            try (Pipeline p = conn.pipeline()) {
                insert.execute("INSERT INTO pl VALUES (%s), (%s)", 1, 2);
                count.execute("SELECT count(*) FROM pl WHERE n > %s", 0);
                echo.execute("SELECT %s::text", "last");
            }
            assertEquals(2, insert.rowcount());
            assertEquals(2L, count.fetchone().getLong(0), "the insert ran before the count");
            assertEquals("last", echo.fetchone().getString(0));
        }
    }

    @Test
    void fetchInsideThePipelineReadsUpToThatStatement(TestDatabase db) {
        try (Connection conn = connect(db, true); Cursor<Row> a = conn.cursor(); Cursor<Row> b = conn.cursor()) {
            try (Pipeline p = conn.pipeline()) {
                a.execute("SELECT %s::int", 1);
                assertEquals(1, a.fetchone().getInt(0));
                b.execute("SELECT %s::int", 2);
                a.execute("SELECT %s::int", 3);
                assertEquals(3, a.fetchone().getInt(0));
                assertEquals(2, b.fetchone().getInt(0));
            }
        }
    }

    @Test
    void afterAnErrorEveryCommandUntilSyncIsAborted(TestDatabase db) {
        try (Connection conn = connect(db, true); Cursor<Row> bad = conn.cursor(); Cursor<Row> skipped = conn.cursor()) {
            try (Pipeline p = conn.pipeline()) {
                bad.execute("SELECT 1 / %s", 0);
                skipped.execute("SELECT %s::int", 2);
                DatabaseException e = assertThrows(DatabaseException.class, p::sync);
                assertEquals("22012", e.sqlstate(), "sync raises the first error: division by zero");
                assertThrows(PipelineAbortedException.class, skipped::fetchone);

                bad.execute("SELECT 1 / %s", 0);
                assertEquals("22012", assertThrows(DatabaseException.class, bad::fetchone).sqlstate());
                assertThrows(PipelineAbortedException.class, () -> skipped.execute("SELECT %s::int", 3),
                        "the failure is known: execute raises at once");
                p.sync(); // the error was raised already: not again

                skipped.execute("SELECT %s::int", 4);
                assertEquals(4, skipped.fetchone().getInt(0), "a new segment runs after sync");
            }
        }
    }

    @Test
    void leavingThePipelineRaisesItsError(TestDatabase db) {
        try (Connection conn = connect(db, true); Cursor<Row> cur = conn.cursor()) {
            DatabaseException e = assertThrows(DatabaseException.class, () -> {
                try (Pipeline p = conn.pipeline()) {
                    cur.execute("SELECT * FROM no_such_table WHERE x = %s", 1);
                }
            });
            assertEquals("42P01", e.sqlstate());
            assertEquals(5, conn.execute("SELECT %s::int", 5).fetchone().getInt(0), "the connection works afterwards");
        }
    }

    @Test
    void nestedPipelineSyncsAtItsEndAndTheOuterGoesOn(TestDatabase db) {
        try (Connection conn = connect(db, false); Cursor<Row> a = conn.cursor(); Cursor<Row> b = conn.cursor()) {
            conn.execute("CREATE TEMP TABLE nest (n int)");
            conn.commit();
            try (Pipeline outer = conn.pipeline()) {
                try (Pipeline inner = conn.pipeline()) {
                    a.execute("INSERT INTO nest VALUES (%s)", 1);
                }
                assertEquals(TransactionStatus.INTRANS, conn.info().transactionStatus(),
                        "the inner block synced; the implicit BEGIN opened a transaction");
                b.execute("SELECT count(*) FROM nest WHERE n = %s", 1);
            }
            assertEquals(1L, b.fetchone().getLong(0));
            conn.rollback();
            assertEquals(0L, conn.execute("SELECT count(*) FROM nest").fetchone().getLong(0), "the BEGIN made it one transaction");
        }
    }

    @Test
    void commitInsideAPipelineSyncsFirst(TestDatabase db) {
        try (Connection conn = connect(db, false); Cursor<Row> cur = conn.cursor()) {
            conn.execute("CREATE TABLE pl_commit (n int)");
            conn.commit();
            try (Pipeline p = conn.pipeline()) {
                cur.execute("INSERT INTO pl_commit VALUES (%s)", 1);
                conn.commit();
            }
            assertEquals("1", db.admin().queryScalar("SELECT count(*) FROM pl_commit"));
        }
    }

    @Test
    void hundredThousandStatementsWithKilobyteRowsDoNotDeadlock(TestDatabase db) {
        try (Connection conn = connect(db, true)) {
            List<Cursor<Row>> checks = new ArrayList<>();
            Cursor<Row> cur = conn.cursor();
            assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
                try (Pipeline p = conn.pipeline()) {
                    for (int i = 0; i < 100_000; i++) {
                        Cursor<Row> c = i % 10_000 == 0 ? conn.cursor() : cur;
                        if (c != cur) {
                            checks.add(c);
                        }
                        // 100k rows of 1 KB: far more than any socket buffer holds
                        c.execute("SELECT %s::int, repeat('x', 1024)", i);
                    }
                }
            });
            assertEquals(99_999, cur.fetchone().getInt(0));
            for (int k = 0; k < checks.size(); k++) {
                Row r = checks.get(k).fetchone();
                assertEquals(k * 10_000, r.getInt(0));
                assertEquals(1024, r.getString(1).length());
            }
            assertNull(cur.fetchone());
        }
    }

    @Test
    void executemanyOfHundredThousandRowsInsideAPipeline(TestDatabase db) {
        try (Connection conn = connect(db, true); Cursor<Row> cur = conn.cursor()) {
            conn.execute("CREATE TEMP TABLE many (n int, s text)");
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < 100_000; i++) {
                rows.add(new Object[] {i, "row " + i});
            }
            try (Pipeline p = conn.pipeline()) {
                cur.execute("INSERT INTO many VALUES (%s, %s)", -1, "before");
                cur.executemany("INSERT INTO many VALUES (%s, %s)", rows);
                assertEquals(100_000, cur.rowcount());
            }
            assertEquals(100_001L, conn.execute("SELECT count(*) FROM many").fetchone().getLong(0));
        }
    }
}
