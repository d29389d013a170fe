package io.tusk.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.IsolationLevel;
import io.tusk.Tusk;
import io.tusk.errors.ProgrammingException;
import io.tusk.errors.ReadOnlySqlTransaction;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

@PgTest
class TransactionCharacteristicsIT {

    private static String show(Connection conn, String setting) {
        return conn.execute("SHOW " + setting).fetchone().getString(0);
    }

    @Test
    void characteristicsGoWithBeginAndLeaveTheSessionDefaultsAlone(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.setIsolationLevel(IsolationLevel.SERIALIZABLE);
            conn.setReadOnly(true);
            conn.setDeferrable(true);
            assertEquals("serializable", show(conn, "transaction_isolation"));
            assertEquals("on", show(conn, "transaction_read_only"));
            assertEquals("on", show(conn, "transaction_deferrable"));
            assertEquals("read committed", show(conn, "default_transaction_isolation"));
            assertEquals("off", show(conn, "default_transaction_read_only"));
            assertEquals("off", show(conn, "default_transaction_deferrable"));
            conn.rollback();

            conn.setSession(null, null, null, false);
            assertEquals("read committed", show(conn, "transaction_isolation"));
            assertEquals("off", show(conn, "transaction_read_only"));
            conn.rollback();
        }
    }

    @Test
    void readOnlyTransactionRefusesWrites(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.setReadOnly(true);
            assertThrows(ReadOnlySqlTransaction.class, () -> conn.execute("CREATE TEMP TABLE t (a int)"));
            conn.rollback();
            conn.setReadOnly(false);
            conn.execute("CREATE TEMP TABLE t (a int)");
            conn.rollback();
        }
    }

    @Test
    void changingCharacteristicsInsideATransactionIsRefused(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.execute("SELECT 1");
            ProgrammingException e = assertThrows(ProgrammingException.class, () -> conn.setIsolationLevel(IsolationLevel.REPEATABLE_READ));
            assertTrue(e.getMessage().contains("INTRANS"), e.getMessage());
            assertThrows(ProgrammingException.class, () -> conn.setReadOnly(true));
            assertThrows(ProgrammingException.class, () -> conn.setDeferrable(false));
            assertThrows(ProgrammingException.class, () -> conn.setSession(null, null, null, true));
            assertNull(conn.isolationLevel());
            conn.rollback();
            conn.setIsolationLevel(IsolationLevel.REPEATABLE_READ);
            assertEquals(IsolationLevel.REPEATABLE_READ, conn.isolationLevel());

            conn.runInTransaction(tx -> {
                ProgrammingException inBlock = assertThrows(ProgrammingException.class, () -> conn.setReadOnly(true));
                assertTrue(inBlock.getMessage().contains("transaction block"), inBlock.getMessage());
            });
        }
    }

    @Test
    void inAutocommitModeCharacteristicsApplyToTransactionBlocksOnly(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.setSession(IsolationLevel.REPEATABLE_READ, true, null, true);
            assertTrue(conn.autocommit());
            assertEquals("read committed", show(conn, "transaction_isolation"));
            assertEquals("off", show(conn, "transaction_read_only"));
            String inBlock = conn.transaction(tx -> show(conn, "transaction_isolation") + "/" + show(conn, "transaction_read_only"));
            assertEquals("repeatable read/on", inBlock);
            assertEquals("read committed", show(conn, "default_transaction_isolation"));
        }
    }

    @Test
    void transactionBlockUsesTheCharacteristicsToo(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.setIsolationLevel(IsolationLevel.READ_UNCOMMITTED);
            // PostgreSQL accepts READ UNCOMMITTED and shows it, though it behaves as READ COMMITTED.
            assertEquals("read uncommitted", conn.transaction(tx -> show(conn, "transaction_isolation")));
        }
    }
}
