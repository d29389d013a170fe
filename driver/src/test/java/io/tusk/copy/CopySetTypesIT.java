package io.tusk.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Copy;
import io.tusk.Tusk;
import io.tusk.async.AsyncConnection;
import io.tusk.async.AsyncCopy;
import io.tusk.errors.ProgrammingException;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** psycopg's copy.set_types() governs writing: declared column types decide what writeRow sends, on both front ends. */
@PgTest
class CopySetTypesIT {
    private static final String COLUMNS = "(a int8, b text, c numeric, d int2, e float8)";

    private static void table(TestDatabase db, String name) {
        db.admin().execute("DROP TABLE IF EXISTS " + name + "; CREATE TABLE " + name + " " + COLUMNS + "; ALTER TABLE "
                + name + " OWNER TO tusk_trust");
    }

    private static String contents(TestDatabase db, String table) {
        return db.admin().queryColumn("SELECT a || '|' || b || '|' || c || '|' || d || '|' || e FROM " + table
                + " ORDER BY a").toString();
    }

    @Test
    void binaryCopyInSendsTheDeclaredTypes(TestDatabase db) {
        for (String format : new String[] {"BINARY", "TEXT"}) {
            String t = "copy_types_" + format.toLowerCase();
            table(db, t);
            try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
                long n = conn.copy("COPY " + t + " FROM STDIN (FORMAT " + format + ")", copy -> {
                    copy.setTypes("int8", "text", "numeric", "int2", "float8");
                    copy.writeRow(1, "one", 2, 3, 1.5f); // Integer into int8, numeric, int2; Float into float8
                    copy.writeRow(2L, "two", new java.math.BigDecimal("2.50"), (short) 4, 2.0);
                });
                assertEquals(2, n);
                conn.commit();
            }
            assertEquals("[1|one|2|3|1.5, 2|two|2.50|4|2]", contents(db, t), format);
        }
    }

    @Test
    void binaryValueOfAnotherTypeIsRefusedBeforeItIsSent(TestDatabase db) {
        table(db, "copy_types_refused");
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Copy copy = conn.copy("COPY copy_types_refused FROM STDIN (FORMAT BINARY)");
            copy.setTypes("int8", "text", "numeric", "int2", "float8");
            ProgrammingException e = assertThrows(ProgrammingException.class,
                    () -> copy.writeRow(1, "one", 2, java.time.LocalDate.of(2024, 1, 2), 1.0));
            assertTrue(e.getMessage().contains("column 4") && e.getMessage().contains("int2")
                    && e.getMessage().contains("date"), e.getMessage());
            ProgrammingException big = assertThrows(ProgrammingException.class, () -> copy.writeRow(1, "x", 1, 70000, 1.0));
            assertTrue(big.getMessage().contains("column 4") && big.getMessage().contains("does not fit"), big.getMessage());
            copy.close(); // aborts: a write failed
            conn.rollback();
            assertEquals(1, conn.execute("SELECT 1").fetchone().getInt(0), "the connection is usable");
        }
        assertEquals("[]", contents(db, "copy_types_refused"), "nothing stored");
    }

    @Test
    void asyncCopyInSendsTheDeclaredTypes(TestDatabase db) throws Exception {
        table(db, "copy_types_async");
        AsyncConnection conn = Tusk.connectAsync(db.conninfo(PgUsers.TRUST)).toCompletableFuture().get(20, TimeUnit.SECONDS);
        try {
            AsyncCopy copy = conn.copy("COPY copy_types_async FROM STDIN (FORMAT BINARY)").toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            copy.setTypes("int8", "text", "numeric", "int2", "float8");
            copy.writeRow(1, "one", 2, 3, 1.5f).toCompletableFuture().get(10, TimeUnit.SECONDS);
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> copy.writeRow(1, java.time.LocalDate.of(2024, 1, 2), 3, 4, 5).toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertInstanceOf(ProgrammingException.class, refused.getCause());
            assertTrue(refused.getCause().getMessage().contains("column 2"), refused.getCause().getMessage());
            assertThrows(ExecutionException.class, () -> copy.finish().toCompletableFuture().get(10, TimeUnit.SECONDS),
                    "a refused row aborts the COPY, as on the blocking side");
            conn.rollback().toCompletableFuture().get(10, TimeUnit.SECONDS);

            AsyncCopy again = conn.copy("COPY copy_types_async FROM STDIN (FORMAT BINARY)").toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            again.setTypes("int8", "text", "numeric", "int2", "float8");
            again.writeRow(1, "one", 2, 3, 1.5f);
            assertEquals(1L, again.finish().toCompletableFuture().get(10, TimeUnit.SECONDS));
            conn.commit().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            conn.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        assertEquals("[1|one|2|3|1.5]", contents(db, "copy_types_async"));
    }
}
