package io.tusk.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Notify;
import io.tusk.TransactionStatus;
import io.tusk.Xid;
import io.tusk.errors.DatabaseException;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One suite, two front ends: the blocking and the asynchronous connection must behave alike. */
@PgTest
class FrontendsIT {
    static Stream<Arguments> frontends() {
        return Stream.of(Arguments.of("blocking", Frontend.blocking()), Arguments.of("async", Frontend.async()));
    }

    private static RuntimeException failure(Runnable r) {
        RuntimeException e = assertThrows(RuntimeException.class, r::run);
        return e instanceof CompletionException && e.getCause() instanceof RuntimeException c ? c : e;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void parametersAndTypesRoundTrip(String name, Function<String, Frontend> open, TestDatabase db) {
        try (Frontend f = open.apply(db.conninfo(PgUsers.SCRAM))) {
            List<List<Object>> rows = f.query("SELECT %s::int4, %s::text, %s::bool, %s::int8, NULL::text", 42, "héllo", true, 1L << 40);
            assertEquals(List.of(java.util.Arrays.asList(42, "héllo", true, 1L << 40, null)), rows);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void implicitTransactionIsCommittedOrRolledBack(String name, Function<String, Frontend> open, TestDatabase db) {
        String table = "fe_tx_" + name;
        db.admin().execute("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (id int); GRANT ALL ON " + table + " TO PUBLIC");
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(false);
            f.execute("INSERT INTO " + table + " VALUES (%s)", 1);
            assertEquals(TransactionStatus.INTRANS, f.status());
            f.commit();
            assertEquals(TransactionStatus.IDLE, f.status());
            f.execute("INSERT INTO " + table + " VALUES (%s)", 2);
            f.rollback();
            f.commit(); // nothing open: nothing sent, no error
            assertEquals(List.of(List.of(1L)), f.query("SELECT count(*) FROM " + table));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void errorCarriesSqlstateAndConnectionStaysUsable(String name, Function<String, Frontend> open, TestDatabase db) {
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            RuntimeException e = failure(() -> f.query("SELECT 1 / %s", 0));
            assertInstanceOf(DatabaseException.class, e);
            assertEquals("22012", ((DatabaseException) e).sqlstate());
            assertEquals(TransactionStatus.INERROR, f.status());
            f.rollback();
            assertEquals(List.of(List.of(2)), f.query("SELECT 2"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void twoPhasePrepareRecoverCommit(String name, Function<String, Frontend> open, TestDatabase db) {
        String table = "fe_tpc_" + name;
        db.admin().execute("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (id int); GRANT ALL ON " + table + " TO PUBLIC");
        Xid xid = Xid.of(7, "fe-" + name + "-" + System.nanoTime(), "b");
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(false);
            f.tpcBegin(xid);
            f.execute("INSERT INTO " + table + " VALUES (1)");
            f.tpcPrepare();
            assertEquals(TransactionStatus.IDLE, f.status());
        }
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            assertTrue(f.tpcRecover().contains(xid), "recover lists the prepared transaction");
            f.tpcCommit(xid);
            assertEquals(List.of(List.of(1L)), f.query("SELECT count(*) FROM " + table));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void notificationIsDelivered(String name, Function<String, Frontend> open, TestDatabase db) throws InterruptedException {
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            f.listen("fe_chan_" + name);
            db.admin().execute("NOTIFY fe_chan_" + name + ", 'hello'");
            Notify n = f.nextNotify(Duration.ofSeconds(10));
            assertNotNull(n, "a notification arrives");
            assertEquals("fe_chan_" + name, n.channel());
            assertEquals("hello", n.payload());
        }
    }

    private static void table(TestDatabase db, String table) {
        db.admin().execute("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (id int PRIMARY KEY); GRANT ALL ON "
                + table + " TO PUBLIC");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void transactionBlockCommitsOnReturnAndRollsBackOnFailure(String name, Function<String, Frontend> open, TestDatabase db) {
        String table = "fe_block_" + name;
        table(db, table);
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            String out = f.transaction(tx -> {
                tx.execute("INSERT INTO " + table + " VALUES (%s)", 1);
                assertEquals(TransactionStatus.INTRANS, tx.status(), "the block runs in a transaction");
                return "done";
            });
            assertEquals("done", out, "the block's value is returned");
            assertEquals(TransactionStatus.IDLE, f.status(), "committed at the end of the block");
            IllegalStateException boom = new IllegalStateException("boom");
            RuntimeException e = failure(() -> f.transaction(tx -> {
                tx.execute("INSERT INTO " + table + " VALUES (%s)", 2);
                throw boom;
            }));
            assertEquals(boom, e, "the body's own exception comes out");
            assertEquals(TransactionStatus.IDLE, f.status(), "rolled back at the end of the block");
            assertEquals(List.of(List.of(1)), f.query("SELECT id FROM " + table + " ORDER BY id"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void nestedTransactionBlockRollsBackOnlyItsSavepoint(String name, Function<String, Frontend> open, TestDatabase db) {
        String table = "fe_nested_" + name;
        table(db, table);
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            f.transaction(outer -> {
                outer.execute("INSERT INTO " + table + " VALUES (%s)", 1);
                RuntimeException e = failure(() -> outer.transaction(inner -> {
                    inner.execute("INSERT INTO " + table + " VALUES (%s)", 2);
                    inner.execute("INSERT INTO " + table + " VALUES (%s)", 1); // duplicate key
                    return null;
                }));
                assertEquals("23505", ((DatabaseException) e).sqlstate());
                assertEquals(TransactionStatus.INTRANS, outer.status(), "the outer transaction goes on after the savepoint's rollback");
                outer.execute("INSERT INTO " + table + " VALUES (%s)", 3);
                return null;
            });
            assertEquals(TransactionStatus.IDLE, f.status());
            assertEquals(List.of(List.of(1), List.of(3)), f.query("SELECT id FROM " + table + " ORDER BY id"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void executemanyRunsEveryParameterSetAndCountsTheRows(String name, Function<String, Frontend> open, TestDatabase db) {
        String table = "fe_many_" + name;
        table(db, table);
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            List<Object[]> rows = List.of(new Object[] {1}, new Object[] {2}, new Object[] {3});
            assertEquals(3, f.executemany("INSERT INTO " + table + " VALUES (%s)", rows));
            assertEquals(List.of(List.of(3L)), f.query("SELECT count(*) FROM " + table));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void executemanyFailureRaisesTheFirstErrorAndRollbackUndoesTheBatch(String name, Function<String, Frontend> open, TestDatabase db) {
        String table = "fe_many_err_" + name;
        table(db, table);
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(false);
            List<Object[]> rows = List.of(new Object[] {1}, new Object[] {1}, new Object[] {2}, new Object[] {3});
            RuntimeException e = failure(() -> f.executemany("INSERT INTO " + table + " VALUES (%s)", rows));
            assertInstanceOf(DatabaseException.class, e);
            assertEquals("23505", ((DatabaseException) e).sqlstate(), "the duplicate key is reported, not what followed it");
            assertEquals(TransactionStatus.INERROR, f.status());
            f.rollback();
            assertEquals(List.of(List.of(0L)), f.query("SELECT count(*) FROM " + table));
        }
    }

    // ---- COPY (issue 13: async COPY and streaming)

    private static void table(TestDatabase db, String table, String columns) {
        db.admin().execute("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (" + columns + "); GRANT ALL ON "
                + table + " TO PUBLIC");
    }

    private static Object[] row(Object... values) {
        return values;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void copyRowsInAndTextOutWithEscapes(String name, Function<String, Frontend> open, TestDatabase db) {
        String t = "fe_copy_" + name;
        table(db, t, "id int, name text");
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            long n = f.copyIn("COPY " + t + " (id, name) FROM STDIN",
                    List.of(row(1, "tab\there"), row(2, null), row(3, "back\\slash\nnewline é")));
            assertEquals(3, n);
            assertEquals(List.of(List.of(1, "tab\there"), java.util.Arrays.asList(2, null), List.of(3, "back\\slash\nnewline é")),
                    f.query("SELECT id, name FROM " + t + " ORDER BY id"));
            byte[] out = f.copyOut("COPY (SELECT id, name FROM " + t + " WHERE id >= %s ORDER BY id) TO STDOUT", 2);
            assertEquals("2\t\\N\n3\tback\\\\slash\\nnewline é\n", new String(out, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void copyRowsOutAreReadOneByOneWithTheDeclaredTypesInTextAndBinary(String name, Function<String, Frontend> open, TestDatabase db) {
        String query = "SELECT i, CASE WHEN i % 3 = 0 THEN NULL ELSE 'row ' || i || E'\\t\\n' END, i * 1.5"
                + " FROM generate_series(1, 5000) i";
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            for (String format : List.of("", " (FORMAT BINARY)")) {
                List<Object[]> rows = f.copyOutRows("COPY (" + query + ") TO STDOUT" + format, "int4", "text", "numeric");
                assertEquals(5000, rows.size(), format);
                assertEquals(List.of(1, "row 1\t\n", new java.math.BigDecimal("1.5")), java.util.Arrays.asList(rows.get(0)), format);
                assertEquals(java.util.Arrays.asList(3, null, new java.math.BigDecimal("4.5")), java.util.Arrays.asList(rows.get(2)), format);
                assertEquals(5000, rows.get(4999)[0], format);
            }
            assertEquals(List.of(List.of(1)), f.query("SELECT 1"), "the connection is in step after the COPY");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void copyBinaryOutGoesBackInBinary(String name, Function<String, Frontend> open, TestDatabase db) {
        String a = "fe_bin_a_" + name;
        String b = "fe_bin_b_" + name;
        // Integer values are dumped in the smallest binary integer type that holds them (int2 here),
        // and binary COPY takes no casts: the column is int2.
        table(db, a, "id int2, name text");
        table(db, b, "id int2, name text");
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            List<Object[]> rows = new java.util.ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                rows.add(row(i, i % 3 == 0 ? null : "row " + i));
            }
            assertEquals(20_000, f.copyIn("COPY " + a + " FROM STDIN (FORMAT BINARY)", rows));
            byte[] data = f.copyOut("COPY " + a + " TO STDOUT (FORMAT BINARY)");
            assertEquals("PGCOPY\n", new String(data, 0, 7, java.nio.charset.StandardCharsets.US_ASCII), "the binary signature");
            assertEquals(20_000, f.copyInRaw("COPY " + b + " FROM STDIN (FORMAT BINARY)", data));
            assertEquals(List.of(List.of(0L)), f.query("SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT SELECT * FROM " + b
                    + ") d"));
            assertEquals(List.of(List.of(20_000L, 6_667L)), f.query("SELECT count(*), count(*) FILTER (WHERE name IS NULL) FROM " + b));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void copyRefusedMidwayFailsAndLeavesConnectionUsable(String name, Function<String, Frontend> open, TestDatabase db) {
        String t = "fe_copy_err_" + name;
        table(db, t, "id int, name text");
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(false);
            List<Object[]> rows = new java.util.ArrayList<>();
            for (int i = 0; i < 100_000; i++) {
                // A value that is no integer early on: the server ends the COPY while the client still writes.
                rows.add(row(i == 10 ? "ten" : Integer.toString(i), "some text to make the data larger than a few chunks"));
            }
            RuntimeException e = failure(() -> f.copyIn("COPY " + t + " (id, name) FROM STDIN", rows));
            assertInstanceOf(DatabaseException.class, e);
            assertEquals("22P02", ((DatabaseException) e).sqlstate(), "invalid_text_representation: " + e.getMessage());
            assertEquals(TransactionStatus.INERROR, f.status());
            f.rollback();
            assertEquals(List.of(List.of(0L)), f.query("SELECT count(*) FROM " + t));
            f.commit();
            assertEquals(TransactionStatus.IDLE, f.status());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void copyAbortedStoresNothing(String name, Function<String, Frontend> open, TestDatabase db) {
        String t = "fe_copy_abort_" + name;
        table(db, t, "id int");
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            f.copyInAborted("COPY " + t + " FROM STDIN", List.of(row(1), row(2)), "changed my mind");
            assertEquals(TransactionStatus.IDLE, f.status());
            assertEquals(List.of(List.of(0L)), f.query("SELECT count(*) FROM " + t));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void copyOfAStatementThatIsNoCopyIsRefused(String name, Function<String, Frontend> open, TestDatabase db) {
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            RuntimeException e = failure(() -> f.copyOut("SELECT 1"));
            assertInstanceOf(io.tusk.errors.ProgrammingException.class, e);
            assertEquals(List.of(List.of(1)), f.query("SELECT 1"));
        }
    }

    // ---- prepared statements and binary results (docs/reference/prepared.md)

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void statementIsPreparedOnTheServerOnceItRanThresholdTimes(String name, Function<String, Frontend> open, TestDatabase db) {
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            f.setPrepareThreshold(2);
            String sql = "SELECT %s::int4 + 1 AS fe_threshold";
            for (int i = 0; i < 2; i++) {
                assertEquals(List.of(List.of(i + 1)), f.query(sql, i));
            }
            assertEquals(List.of(), f.preparedContaining("fe_threshold"), "not prepared before the threshold");
            for (int i = 2; i < 5; i++) {
                assertEquals(List.of(List.of(i + 1)), f.query(sql, i));
            }
            assertEquals(List.of("SELECT $1::int4 + 1 AS fe_threshold"), f.preparedContaining("fe_threshold"),
                    "prepared once, at the execution after the threshold");
            assertEquals(List.of(List.of(8)), f.queryPrepared(false, "SELECT %s::int4 + 1 AS fe_never", 7));
            assertEquals(List.of(), f.preparedContaining("fe_never"), "prepare=false never prepares");
            assertEquals(List.of(List.of(8)), f.queryPrepared(true, "SELECT %s::int4 + 1 AS fe_at_once", 7));
            assertEquals(1, f.preparedContaining("fe_at_once").size(), "prepare=true prepares at once");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void preparedStatementKeepsWorkingAfterDeallocateAll(String name, Function<String, Frontend> open, TestDatabase db) {
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            f.setPrepareThreshold(0);
            String sql = "SELECT %s::text || '!' AS fe_dealloc";
            assertEquals(List.of(List.of("a!")), f.query(sql, "a"));
            assertEquals(1, f.preparedContaining("fe_dealloc").size());
            f.execute("DEALLOCATE ALL");
            assertEquals(List.of(), f.preparedContaining("fe_dealloc"));
            assertEquals(List.of(List.of("b!")), f.query(sql, "b"), "no 'prepared statement does not exist'");
            assertEquals(1, f.preparedContaining("fe_dealloc").size(), "prepared again");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void preparedStatementIsPreparedAgainWhenItsTableChangesShape(String name, Function<String, Frontend> open, TestDatabase db) {
        for (boolean autocommit : new boolean[] {true, false}) {
            String table = "fe_shape_" + name + (autocommit ? "_ac" : "_tx");
            db.admin().execute("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (id int, v int); GRANT ALL ON "
                    + table + " TO PUBLIC; INSERT INTO " + table + " VALUES (1, 10)");
            try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
                f.setAutocommit(autocommit);
                f.setPrepareThreshold(0);
                String sql = "SELECT * FROM " + table + " WHERE id = %s";
                assertEquals(List.of(List.of(1, 10)), f.query(sql, 1));
                f.commit();
                db.admin().execute("ALTER TABLE " + table + " ALTER COLUMN v TYPE text");
                // The server answers "cached plan must not change result type"; the statement runs again.
                assertEquals(List.of(List.of(1, "10")), f.query(sql, 1), autocommit ? "in autocommit" : "in its own transaction");
                assertEquals(autocommit ? TransactionStatus.IDLE : TransactionStatus.INTRANS, f.status());
                f.commit();
                assertEquals(List.of(List.of(1, "10")), f.query(sql, 1));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void preparedStatementSurvivesAlterTableOnItsOwnConnection(String name, Function<String, Frontend> open, TestDatabase db) {
        for (boolean autocommit : new boolean[] {true, false}) {
            String table = "fe_own_alter_" + name + (autocommit ? "_ac" : "_tx");
            db.admin().execute("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (id int, v int); ALTER TABLE "
                    + table + " OWNER TO tusk_trust; INSERT INTO " + table + " VALUES (1, 10)");
            try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
                f.setAutocommit(autocommit);
                String sql = "SELECT * FROM " + table + " WHERE id = %s";
                for (int i = 0; i < 6; i++) { // past the default threshold (5): prepared
                    assertEquals(List.of(List.of(1, 10)), f.query(sql, 1));
                }
                assertEquals(1, f.preparedContaining(table).size(), "prepared before the ALTER");
                // In the same transaction when not in autocommit: the ALTER's tag empties the cache.
                f.execute("ALTER TABLE " + table + " ADD COLUMN w text DEFAULT 'x'");
                assertEquals(List.of(List.of(1, 10, "x")), f.query(sql, 1), "no 'cached plan must not change result type'");
                f.execute("ALTER TABLE " + table + " DROP COLUMN v");
                assertEquals(List.of(List.of(1, "x")), f.query(sql, 1));
                f.execute("ALTER TABLE " + table + " ALTER COLUMN w TYPE varchar(3)");
                assertEquals(List.of(List.of(1, "x")), f.query(sql, 1));
                assertEquals(autocommit ? TransactionStatus.IDLE : TransactionStatus.INTRANS, f.status());
                f.commit();
                for (int i = 0; i < 6; i++) {
                    assertEquals(List.of(List.of(1, "x")), f.query(sql, 1));
                }
                assertEquals(List.of("SELECT * FROM " + table + " WHERE id = $1"), f.preparedContaining(table),
                        "prepared again, once: the cache is used after the ALTERs");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void preparedStatementInATransactionWhoseTableAnotherConnectionAlteredSaysToRollBack(String name,
            Function<String, Frontend> open, TestDatabase db) {
        String table = "fe_other_alter_" + name;
        db.admin().execute("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (id int, v int); GRANT ALL ON "
                + table + " TO PUBLIC; INSERT INTO " + table + " VALUES (1, 10)");
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(false);
            f.setPrepareThreshold(0);
            String sql = "SELECT * FROM " + table + " WHERE id = %s";
            assertEquals(List.of(List.of(1, 10)), f.query(sql, 1));
            f.commit();
            f.query("SELECT 1"); // the application's transaction, without a lock on the table yet
            assertEquals(TransactionStatus.INTRANS, f.status());
            db.admin().execute("ALTER TABLE " + table + " ADD COLUMN w int DEFAULT 5");
            RuntimeException e = failure(() -> f.query(sql, 1));
            DatabaseException de = assertInstanceOf(io.tusk.errors.NotSupportedException.class, e);
            assertEquals("0A000", de.diag().sqlstate());
            assertEquals("cached plan must not change result type", de.diag().messagePrimary(), "the server's diagnostic");
            assertTrue(de.getMessage().contains("roll back and run the transaction again"), de.getMessage());
            assertEquals(TransactionStatus.INERROR, f.status());
            f.rollback();
            assertEquals(List.of(List.of(1, 10, 5)), f.query(sql, 1), "prepared again after the rollback");
            assertEquals(List.of("SELECT * FROM " + table + " WHERE id = $1"), f.preparedContaining(table));
            f.rollback();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void binaryResultsLoadTheSameValuesAsText(String name, Function<String, Frontend> open, TestDatabase db) {
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            String sql = "SELECT %s::int4, 12345.678900::numeric, -0.5::numeric, 'héllo'::text,"
                    + " '2024-05-06 07:08:09.123456+02'::timestamptz, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid,"
                    + " ARRAY[1, NULL, 3]::int4[], ARRAY['a', 'b c']::text[], '{\"k\": [1, 2.5], \"s\": \"x\"}'::jsonb,"
                    + " NULL::int4";
            Frontend.Result text = f.query(false, sql, 42);
            Frontend.Result binary = f.query(true, sql, 42);
            assertEquals(java.util.Collections.nCopies(10, 0), text.formats());
            assertEquals(java.util.Collections.nCopies(10, 1), binary.formats(), "every column asked in binary");
            assertEquals(text.rows(), binary.rows());
            assertEquals(42, binary.rows().get(0).get(0));
            assertEquals(new java.math.BigDecimal("12345.678900"), binary.rows().get(0).get(1));
            Frontend.Result noParams = f.query(true, "SELECT 7::int8, 'x'::text");
            assertEquals(List.of(1, 1), noParams.formats(), "binary without parameters too");
            assertEquals(List.of(List.of(7L, "x")), noParams.rows());
        }
    }


    // ---- server-side cursors (issue 13: async named cursors)

    private static List<List<Object>> column(int from, int to) {
        List<List<Object>> out = new java.util.ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(List.of(i));
        }
        return out;
    }

    private static long cursorsNamed(Frontend f, String cursor) {
        return (Long) f.query("SELECT count(*) FROM pg_cursors WHERE name = %s", cursor).get(0).get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void namedCursorFetchesInBatchesAndIsGoneAfterClose(String name, Function<String, Frontend> open, TestDatabase db) {
        String cursor = "fe \"cur\" " + name; // quoted as an identifier: any string is a name
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(false);
            Frontend.Named cur = f.named(cursor);
            cur.execute("SELECT g, 'row ' || g AS label FROM generate_series(1, %s) g", 25);
            assertEquals(List.of("g", "label"), cur.columnNames(), "described at DECLARE, before any FETCH");
            assertEquals(1L, cursorsNamed(f, cursor), "declared on the server");
            assertEquals(List.of(1, "row 1"), cur.fetchone());
            assertEquals(List.of(List.of(2, "row 2"), List.of(3, "row 3")), cur.fetchmany(2));
            assertEquals(3, cur.rownumber());
            cur.setItersize(7);
            List<List<Object>> rest = cur.iterate(Integer.MAX_VALUE);
            assertEquals(22, rest.size());
            assertEquals(List.of(4, "row 4"), rest.get(0));
            assertEquals(List.of(25, "row 25"), rest.get(21));
            assertEquals(25, cur.rownumber());
            assertEquals(List.of(), cur.fetchall(), "nothing after the end");
            cur.close();
            assertEquals(0L, cursorsNamed(f, cursor), "CLOSE removed the portal");
            assertEquals(TransactionStatus.INTRANS, f.status());
            f.rollback();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void namedCursorIterationFetchesItersizeRowsPerRoundTrip(String name, Function<String, Frontend> open, TestDatabase db) {
        String seq = "fe_rows_made_" + name;
        db.admin().execute("DROP SEQUENCE IF EXISTS " + seq + "; CREATE SEQUENCE " + seq + "; GRANT ALL ON SEQUENCE " + seq
                + " TO PUBLIC");
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(false);
            Frontend.Named cur = f.named("fe_iter_" + name);
            cur.setScrollable(false); // NO SCROLL: no Material node, rows are computed as fetched
            cur.setItersize(4);
            // Each row the server computes takes a number of the sequence: its last value counts them.
            cur.execute("SELECT g, nextval('" + seq + "') FROM generate_series(1, 100) g");
            assertEquals(column(1, 6), cur.iterate(6).stream().map(r -> List.of(r.get(0))).toList());
            assertEquals("8", db.admin().queryScalar("SELECT last_value FROM " + seq),
                    "6 rows taken by iteration = two FETCH FORWARD 4, and no more");
            assertEquals(8, cur.rownumber());
            assertEquals(8, cur.rowcount());
            f.rollback();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void scrollableNamedCursorMovesBackwardAndToAbsolutePositions(String name, Function<String, Frontend> open, TestDatabase db) {
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(false);
            Frontend.Named cur = f.named("fe_scroll_" + name);
            cur.setScrollable(true);
            cur.execute("SELECT g FROM generate_series(1, 10) g");
            assertEquals(column(1, 5), cur.fetchmany(5));
            cur.scroll(-3, "relative");
            assertEquals(List.of(3), cur.fetchone(), "moved back to row 2: the next is row 3");
            cur.scroll(7, "absolute");
            assertEquals(List.of(8), cur.fetchone(), "row 7 counted from 0 (psycopg's rownumber) is 8");
            assertEquals(8, cur.rownumber());
            RuntimeException e = failure(() -> cur.scroll(1, "sideways"));
            assertInstanceOf(IllegalArgumentException.class, e);
            cur.close();
            f.rollback();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void withholdCursorSurvivesCommitAndOneWithoutHoldDoesNot(String name, Function<String, Frontend> open, TestDatabase db) {
        String held = "fe_hold_" + name;
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(false);
            Frontend.Named hold = f.named(held);
            hold.setWithhold(true);
            hold.execute("SELECT g FROM generate_series(1, %s) g", 5);
            Frontend.Named plain = f.named("fe_plain_" + name);
            plain.execute("SELECT 1");
            assertEquals(List.of(1), hold.fetchone());
            f.commit();
            assertEquals(TransactionStatus.IDLE, f.status());
            RuntimeException e = failure(plain::fetchone);
            assertInstanceOf(io.tusk.errors.ProgrammingException.class, e);
            assertTrue(e.getMessage().contains("isn't valid anymore"), e.getMessage());
            plain.close(); // the commit took it: nothing to send
            assertEquals(column(2, 5), hold.fetchmany(10), "the held cursor goes on after commit");
            assertEquals(1L, cursorsNamed(f, held));
            hold.close();
            assertEquals(0L, cursorsNamed(f, held), "closed on the server");
            f.commit();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void namedCursorQueryErrorSurfacesFromExecute(String name, Function<String, Frontend> open, TestDatabase db) {
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            RuntimeException refused = failure(() -> f.named("fe_auto_" + name).execute("SELECT 1"));
            assertInstanceOf(io.tusk.errors.ProgrammingException.class, refused, "no transaction for a cursor without hold");
            f.setAutocommit(false);
            Frontend.Named cur = f.named("fe_err_" + name);
            RuntimeException e = failure(() -> cur.execute("SELECT * FROM fe_no_such_table WHERE x = %s", 1));
            assertInstanceOf(DatabaseException.class, e);
            assertEquals("42P01", ((DatabaseException) e).sqlstate(), "undefined_table, from DECLARE: " + e.getMessage());
            assertEquals(TransactionStatus.INERROR, f.status());
            cur.close(); // the failed transaction took it: nothing to send, no error
            f.rollback();
            assertEquals(List.of(List.of(2)), f.query("SELECT 2"));
        }
    }

    // ---- connecting

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void targetSessionAttrsAcceptsThePrimaryAndPassesOverItForAStandby(String name, Function<String, Frontend> open,
            TestDatabase db) {
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST) + " target_session_attrs=read-write")) {
            f.setAutocommit(true);
            assertEquals(List.of(List.of(false)), f.query("SELECT pg_is_in_recovery()"));
        }
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST) + " target_session_attrs=primary")) {
            f.setAutocommit(true);
            assertEquals(List.of(List.of(1)), f.query("SELECT 1"));
        }
        RuntimeException e = failure(() -> open.apply(db.conninfo(PgUsers.TRUST) + " target_session_attrs=standby"));
        assertInstanceOf(io.tusk.errors.OperationalException.class, e);
        assertTrue(e.getMessage().contains("server is not in hot standby mode"), e.getMessage());
        RuntimeException ro = failure(() -> open.apply(db.conninfo(PgUsers.TRUST) + " target_session_attrs=read-only"));
        assertTrue(ro.getMessage().contains("session is not read-only"), ro.getMessage());
    }

    // COPY: one exchange, two front ends

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void copyOutsideAutocommitRunsInTheImplicitTransaction(String name, Function<String, Frontend> open, TestDatabase db) {
        String t = "fe_copy_tx_" + name;
        table(db, t, "id int, name text");
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(false);
            assertEquals(2, f.copyIn("COPY " + t + " FROM STDIN", List.of(row(1, "one"), row(2, "two"))));
            assertEquals(TransactionStatus.INTRANS, f.status(), "the COPY ran after the implicit BEGIN");
            assertEquals(List.of(List.of(2L)), f.query("SELECT count(*) FROM " + t));
            f.rollback();
            assertEquals(List.of(List.of(0L)), f.query("SELECT count(*) FROM " + t), "rolled back with its transaction");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void copyOutFailingMidwayThrowsTheServersErrorAndStaysInStep(String name, Function<String, Frontend> open, TestDatabase db) {
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            // Rows 1 to 4 are sent before the division by zero at row 5.
            RuntimeException e = failure(() -> f.copyOut("COPY (SELECT 10 / (5 - g) FROM generate_series(1, 10) g) TO STDOUT"));
            assertInstanceOf(DatabaseException.class, e);
            assertEquals("22012", ((DatabaseException) e).sqlstate(), "division_by_zero: " + e.getMessage());
            assertEquals(TransactionStatus.IDLE, f.status());
            assertEquals(List.of(List.of(1)), f.query("SELECT 1"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void copyOutOfNoRowsEndsAtOnceAndStaysInStep(String name, Function<String, Frontend> open, TestDatabase db) {
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            assertEquals(0, f.copyOut("COPY (SELECT 1 WHERE false) TO STDOUT").length);
            assertEquals(List.of(), f.copyOutRows("COPY (SELECT 1 WHERE false) TO STDOUT (FORMAT BINARY)", "int4"));
            assertEquals(List.of(List.of(1)), f.query("SELECT 1"));
        }
    }

    // Connecting: both front ends choose the same host

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void aRefusedServerIsNamedAsLibpqNamesIt(String name, Function<String, Frontend> open) {
        int dead = io.tusk.testkit.Ports.unusedPort();
        RuntimeException e = failure(() -> open.apply("host=127.0.0.1 port=" + dead + " dbname=x user=x sslmode=prefer"));
        assertInstanceOf(io.tusk.errors.OperationalException.class, e);
        assertEquals("connection to server at \"127.0.0.1\", port " + dead + " failed: Connection refused", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void failedHostsAreListedInTheOrderTheyWereTried(String name, Function<String, Frontend> open) {
        int dead = io.tusk.testkit.Ports.unusedPort();
        RuntimeException e = failure(() -> open.apply("host=127.0.0.1,no-such-host.invalid port=" + dead
                + ",5432 dbname=x user=x sslmode=disable"));
        assertEquals("could not connect to any host:\n"
                + "  - connection to server at \"127.0.0.1\", port " + dead + " failed: Connection refused\n"
                + "  - could not translate host name \"no-such-host.invalid\" to address: unknown host", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void aServerOfTheWrongKindIsNamedWithTheReason(String name, Function<String, Frontend> open, TestDatabase db) {
        RuntimeException e = failure(() -> open.apply(db.conninfo(PgUsers.TRUST) + " target_session_attrs=standby"));
        assertEquals("connection to server at \"127.0.0.1\", port " + db.port() + ": server is not in hot standby mode",
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void aWrongPasswordIsTheServersOwnErrorUnderEverySslmode(String name, Function<String, Frontend> open, TestDatabase db) {
        for (String mode : List.of("disable", "allow", "prefer", "require")) {
            String conninfo = db.conninfo(PgUsers.SCRAM).replaceAll("password=\\S+", "password=wrong") + " sslmode=" + mode;
            RuntimeException e = failure(() -> open.apply(conninfo));
            assertInstanceOf(io.tusk.errors.InvalidPassword.class, e, mode);
            assertEquals("28P01", ((DatabaseException) e).sqlstate(), mode);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void anUnreadableClientEncodingIsRefusedWhileConnecting(String name, Function<String, Frontend> open, TestDatabase db) {
        // LATIN6 (ISO 8859-10) is a client encoding the server converts UTF8 to, but Java has no charset for it.
        RuntimeException e = failure(() -> open.apply(db.conninfo(PgUsers.TRUST) + " client_encoding=LATIN6"));
        assertInstanceOf(io.tusk.errors.NotSupportedException.class, e);
        assertEquals("the client encoding LATIN6 has no Java charset: use client_encoding=UTF8 (the default)", e.getMessage());
    }

    // Streaming: one exchange, two front ends

    /** The first {@code n} values of column 0 of a streamed query, then the stream stopped; the connection stays open. */
    private static List<Object> streamFirst(String name, Object conn, String sql, int n) throws Exception {
        if (name.equals("blocking")) {
            try (java.util.stream.Stream<io.tusk.rows.Row> s = ((io.tusk.Connection) conn).cursor().stream(sql)) {
                return s.limit(n).map(r -> r.get(0)).toList();
            }
        }
        TestSubscriber<io.tusk.rows.Row> s = new TestSubscriber<>();
        ((AsyncConnection) conn).cursor().stream(sql).subscribe(s);
        assertTrue(s.subscribed.await(10, java.util.concurrent.TimeUnit.SECONDS));
        s.request(n);
        for (int i = 0; i < 1000 && s.items.size() < n && s.error == null && !s.completed; i++) {
            Thread.sleep(10);
        }
        s.subscription.cancel();
        assertEquals(List.of(), s.violations);
        return s.items.stream().map(r -> r.get(0)).toList();
    }

    /** Every value of column 0 of a streamed query, or the error that ended it (with the values before it). */
    private static List<Object> streamAll(String name, Object conn, String sql, List<Object> before) throws Exception {
        if (name.equals("blocking")) {
            try (java.util.stream.Stream<io.tusk.rows.Row> s = ((io.tusk.Connection) conn).cursor().stream(sql)) {
                s.forEach(r -> before.add(r.get(0)));
            }
            return before;
        }
        TestSubscriber<io.tusk.rows.Row> s = new TestSubscriber<>();
        ((AsyncConnection) conn).cursor().stream(sql).subscribe(s);
        assertTrue(s.subscribed.await(10, java.util.concurrent.TimeUnit.SECONDS));
        s.request(Long.MAX_VALUE);
        assertTrue(s.awaitEnd(30));
        s.items.forEach(r -> before.add(r.get(0)));
        if (s.error instanceof RuntimeException e) {
            throw e;
        }
        return before;
    }

    private static Object connect(String name, TestDatabase db) {
        return name.equals("blocking") ? io.tusk.Tusk.connect(db.conninfo())
                : io.tusk.Tusk.connectAsync(db.conninfo()).toCompletableFuture().join();
    }

    private static Object scalar(String name, Object conn, String sql) {
        return name.equals("blocking") ? ((io.tusk.Connection) conn).execute(sql).fetchone().get(0)
                : ((AsyncConnection) conn).execute(sql).thenCompose(AsyncCursor::fetchone).toCompletableFuture().join().get(0);
    }

    private static TransactionStatus status(String name, Object conn) {
        return name.equals("blocking") ? ((io.tusk.Connection) conn).info().transactionStatus()
                : ((AsyncConnection) conn).transactionStatus();
    }

    private static void close(Object conn) {
        if (conn instanceof io.tusk.Connection c) {
            c.close();
        } else {
            ((AsyncConnection) conn).close().toCompletableFuture().join();
        }
    }

    static Stream<String> streamFrontends() {
        return Stream.of("blocking", "async");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streamFrontends")
    void streamStoppedEarlyLeavesItsTransactionUsable(String name, TestDatabase db) throws Exception {
        Object conn = connect(name, db);
        try {
            assertEquals(1, scalar(name, conn, "SELECT 1")); // autocommit off: a transaction is open
            List<Object> first = streamFirst(name, conn, "SELECT g FROM generate_series(1, 1000000) g", 3);
            assertEquals(List.of(1, 2, 3), first);
            for (int i = 0; i < 100 && status(name, conn) == TransactionStatus.ACTIVE; i++) {
                Thread.sleep(10); // the async stop completes on its own
            }
            assertEquals(TransactionStatus.INTRANS, status(name, conn), "Close + Sync, no cancel: the transaction is intact");
            assertEquals(7, scalar(name, conn, "SELECT 7"));
        } finally {
            close(conn);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streamFrontends")
    void streamErrorArrivesAfterTheRowsBeforeItAndTheConnectionGoesOn(String name, TestDatabase db) throws Exception {
        Object conn = connect(name, db);
        try {
            List<Object> rows = new java.util.ArrayList<>();
            RuntimeException e = failure(() -> {
                try {
                    streamAll(name, conn, "SELECT 10 / (5 - g) FROM generate_series(1, 10) g", rows);
                } catch (RuntimeException x) {
                    throw x;
                } catch (Exception x) {
                    throw new AssertionError(x);
                }
            });
            assertInstanceOf(DatabaseException.class, e);
            assertEquals("22012", ((DatabaseException) e).sqlstate());
            assertEquals(List.of(2, 3, 5, 10), rows);
            assertEquals(TransactionStatus.INERROR, status(name, conn));
            if (name.equals("blocking")) {
                ((io.tusk.Connection) conn).rollback();
            } else {
                ((AsyncConnection) conn).rollback().toCompletableFuture().join();
            }
            assertEquals(7, scalar(name, conn, "SELECT 7"));
        } finally {
            close(conn);
        }
    }

    // Rules that both front ends share

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void characteristicsApplyToTheImplicitBeginBlocksAndTwoPhase(String name, Function<String, Frontend> open, TestDatabase db) {
        String table = "fe_chars_" + name;
        table(db, table);
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(false);
            f.setCharacteristics(io.tusk.IsolationLevel.SERIALIZABLE, true, true);
            assertEquals(List.of(List.of("serializable")), f.query("SHOW transaction_isolation"), "the implicit BEGIN");
            assertEquals(List.of(List.of("on")), f.query("SHOW transaction_read_only"));
            assertEquals(List.of(List.of("on")), f.query("SHOW transaction_deferrable"));
            RuntimeException refused = failure(() -> f.setCharacteristics(null, null, null));
            assertInstanceOf(io.tusk.errors.ProgrammingException.class, refused, "not while a transaction is open");
            RuntimeException write = failure(() -> f.execute("INSERT INTO " + table + " VALUES (%s)", 1));
            assertEquals("25006", ((DatabaseException) write).sqlstate(), "read_only_sql_transaction: " + write.getMessage());
            f.rollback();
            f.setAutocommit(true);
            assertEquals(List.of(List.of("serializable", "on")),
                    f.transaction(tx -> tx.query("SELECT current_setting('transaction_isolation'), current_setting('transaction_read_only')")),
                    "a transaction block's BEGIN, in autocommit too");
            f.setAutocommit(false);
            f.tpcBegin(Xid.of(3, "fe-chars-" + name + "-" + System.nanoTime(), "b"));
            assertEquals(List.of(List.of("serializable")), f.query("SHOW transaction_isolation"), "tpcBegin's BEGIN");
            f.tpcRollback();
            f.setCharacteristics(io.tusk.IsolationLevel.READ_COMMITTED, false, null);
            f.execute("INSERT INTO " + table + " VALUES (%s)", 1);
            assertEquals(List.of(List.of("read committed")), f.query("SHOW transaction_isolation"));
            f.commit();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void transactionIdTooLongForPostgresIsRefusedBeforeAnythingIsSent(String name, Function<String, Frontend> open,
            TestDatabase db) {
        Xid tooLong = Xid.fromString("g".repeat(200)); // PostgreSQL's GIDSIZE is 200 bytes, terminator included
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(false);
            RuntimeException e = failure(() -> f.tpcBegin(tooLong));
            assertInstanceOf(IllegalArgumentException.class, e);
            assertTrue(e.getMessage().contains("shorter than 200 bytes"), e.getMessage());
            assertEquals(TransactionStatus.IDLE, f.status(), "no BEGIN was sent");
            RuntimeException commit = failure(() -> f.tpcCommit(tooLong));
            assertInstanceOf(IllegalArgumentException.class, commit, "recovery's tpcCommit(xid) too");
            RuntimeException rollback = failure(() -> f.tpcRollback(tooLong));
            assertInstanceOf(IllegalArgumentException.class, rollback);
            Xid fits = Xid.fromString("g".repeat(199));
            f.tpcBegin(fits);
            f.tpcPrepare();
            f.tpcRollback();
            assertEquals(List.of(List.of(1)), f.query("SELECT 1"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void preparedStatementDroppedBehindTheCachesBackIsPreparedAgain(String name, Function<String, Frontend> open, TestDatabase db) {
        for (boolean autocommit : new boolean[] {true, false}) {
            try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
                f.setAutocommit(autocommit);
                f.setPrepareThreshold(0);
                String sql = "SELECT %s::int4 * 2 AS fe_behind";
                assertEquals(List.of(List.of(2)), f.query(sql, 1));
                assertEquals(1, f.preparedContaining("fe_behind").size());
                // As a pooler's DEALLOCATE ALL: the cache sees no DEALLOCATE tag, the server answers 26000.
                f.execute("DO $$ BEGIN EXECUTE 'DEALLOCATE ALL'; END $$");
                f.commit();
                assertEquals(List.of(), f.preparedContaining("fe_behind"));
                f.commit();
                assertEquals(List.of(List.of(4)), f.query(sql, 2), "no 'prepared statement does not exist'"
                        + (autocommit ? " in autocommit" : " at the first statement of a transaction"));
                assertEquals(autocommit ? TransactionStatus.IDLE : TransactionStatus.INTRANS, f.status());
                assertEquals(1, f.preparedContaining("fe_behind").size(), "prepared again");
                f.commit();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void commitOrRollbackInsideATransactionBlockIsRefused(String name, Function<String, Frontend> open, TestDatabase db) {
        String table = "fe_block_commit_" + name;
        table(db, table);
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            f.transaction(tx -> {
                tx.execute("INSERT INTO " + table + " VALUES (%s)", 1);
                assertInstanceOf(io.tusk.errors.ProgrammingException.class, failure(tx::commit), "commit() in a block");
                assertInstanceOf(io.tusk.errors.ProgrammingException.class, failure(tx::rollback), "rollback() in a block");
                assertEquals(TransactionStatus.INTRANS, tx.status(), "the block's transaction goes on");
                tx.execute("INSERT INTO " + table + " VALUES (%s)", 2);
                return null;
            });
            assertEquals(TransactionStatus.IDLE, f.status());
            assertEquals(List.of(List.of(1), List.of(2)), f.query("SELECT id FROM " + table + " ORDER BY id"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void blockWhoseBodyHidARolledBackErrorFailsInsteadOfCommitting(String name, Function<String, Frontend> open, TestDatabase db) {
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            RuntimeException e = failure(() -> f.transaction(tx -> {
                failure(() -> tx.query("SELECT 1 / %s", 0)); // caught: the transaction is failed all the same
                return "looks fine";
            }));
            assertInstanceOf(io.tusk.errors.TransactionRollbackException.class, e, "COMMIT answered ROLLBACK");
            assertEquals(TransactionStatus.IDLE, f.status());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void rollbackThrownInABlockRollsItBackQuietly(String name, Function<String, Frontend> open, TestDatabase db) {
        String table = "fe_block_rb_" + name;
        table(db, table);
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            Object out = f.transaction(outer -> {
                outer.execute("INSERT INTO " + table + " VALUES (%s)", 1);
                Object inner = outer.transaction(tx -> {
                    tx.execute("INSERT INTO " + table + " VALUES (%s)", 2);
                    throw new io.tusk.Rollback();
                });
                assertEquals(null, inner, "the block that was rolled back returns null");
                assertEquals(TransactionStatus.INTRANS, outer.status());
                return "outer";
            });
            assertEquals("outer", out);
            assertEquals(List.of(List.of(1)), f.query("SELECT id FROM " + table + " ORDER BY id"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void twoPhaseStateErrorsAreRaisedAlike(String name, Function<String, Frontend> open, TestDatabase db) {
        Xid xid = Xid.of(5, "fe-state-" + name + "-" + System.nanoTime(), "b");
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            assertInstanceOf(io.tusk.errors.ProgrammingException.class, failure(() -> f.tpcBegin(xid)), "autocommit");
            f.setAutocommit(false);
            assertInstanceOf(io.tusk.errors.ProgrammingException.class, failure(f::tpcPrepare), "no tpcBegin");
            assertInstanceOf(io.tusk.errors.ProgrammingException.class, failure(f::tpcCommit), "no tpcBegin");
            f.tpcBegin(xid);
            assertInstanceOf(io.tusk.errors.ProgrammingException.class, failure(() -> f.tpcBegin(xid)), "already begun");
            assertInstanceOf(io.tusk.errors.ProgrammingException.class, failure(f::commit), "commit() in two-phase");
            assertInstanceOf(io.tusk.errors.ProgrammingException.class, failure(f::rollback), "rollback() in two-phase");
            RuntimeException byId = failure(() -> f.tpcCommit(xid));
            assertInstanceOf(io.tusk.errors.ProgrammingException.class, byId, "tpcCommit(xid) in two-phase");
            assertTrue(byId.getMessage().contains("use tpcCommit() to end"), byId.getMessage());
            f.tpcPrepare();
            assertInstanceOf(io.tusk.errors.ProgrammingException.class, failure(f::tpcPrepare), "prepared twice");
            f.tpcRollback();
            assertEquals(TransactionStatus.IDLE, f.status());
            assertTrue(f.tpcRecover().stream().noneMatch(xid::equals), "rolled back");
        }
    }
}
