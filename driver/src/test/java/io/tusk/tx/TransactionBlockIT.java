package io.tusk.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Rollback;
import io.tusk.Transaction;
import io.tusk.TransactionStatus;
import io.tusk.Tusk;
import io.tusk.errors.DivisionByZero;
import io.tusk.errors.ProgrammingException;
import io.tusk.errors.TransactionRollbackException;
import io.tusk.testkit.FreshDatabase;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PgTest
@FreshDatabase
class TransactionBlockIT {
    private TestDatabase db;

    @BeforeEach
    void table(TestDatabase db) {
        this.db = db;
        db.admin().execute("DROP TABLE IF EXISTS items; CREATE TABLE items (n int); GRANT ALL ON items TO PUBLIC");
    }

    private Connection connect() {
        return Tusk.connect(db.conninfo(PgUsers.TRUST));
    }

    /** What another session sees: only committed rows. */
    private List<String> committed() {
        return db.admin().queryColumn("SELECT n::text FROM items ORDER BY n");
    }

    private static void insert(Connection conn, int n) {
        conn.execute("INSERT INTO items VALUES (" + n + ")");
    }

    @Test
    void blockCommitsWhenTheBodyReturnsAndGivesBackItsValue() {
        try (Connection conn = connect()) {
            String v = conn.transaction(tx -> {
                insert(conn, 1);
                assertEquals(Transaction.Status.ACTIVE, tx.status());
                assertNull(tx.savepointName());
                return "done";
            });
            assertEquals("done", v);
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
            assertEquals(List.of("1"), committed());
        }
    }

    @Test
    void blockRollsBackOnExceptionAndRethrowsThatSameException() {
        try (Connection conn = connect()) {
            IllegalStateException boom = new IllegalStateException("boom");
            Transaction[] seen = new Transaction[1];
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> conn.runInTransaction(tx -> {
                seen[0] = tx;
                insert(conn, 1);
                throw boom;
            }));
            assertSame(boom, thrown);
            assertEquals(Transaction.Status.ROLLED_BACK, seen[0].status());
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
            assertEquals(List.of(), committed());
        }
    }

    @Test
    void checkedExceptionsOfTheBodyPassThroughUnwrapped() {
        try (Connection conn = connect()) {
            IOException io = new IOException("disk full");
            IOException thrown = assertThrows(IOException.class, () -> conn.runInTransaction(tx -> {
                insert(conn, 1);
                throw io;
            }));
            assertSame(io, thrown);
            assertEquals(List.of(), committed());
        }
    }

    @Test
    void nestedBlocksAreSavepointsAndAFailedInnerBlockLeavesEarlierWork() {
        try (Connection conn = connect()) {
            List<String> names = new ArrayList<>();
            conn.runInTransaction(outer -> {
                insert(conn, 1);
                conn.runInTransaction(inner -> {
                    names.add(inner.savepointName());
                    insert(conn, 2);
                    conn.runInTransaction(innermost -> names.add(innermost.savepointName()));
                });
                assertThrows(DivisionByZero.class, () -> conn.runInTransaction(inner -> {
                    insert(conn, 3);
                    conn.execute("SELECT 1 / 0");
                }));
                // The failed savepoint was rolled back: the transaction goes on.
                assertEquals(TransactionStatus.INTRANS, conn.info().transactionStatus());
                insert(conn, 4);
            });
            assertEquals(List.of("_tusk_sp_2", "_tusk_sp_3"), names);
            assertEquals(List.of("1", "2", "4"), committed());
        }
    }

    @Test
    void rollbackSignalEndsTheInnermostBlockWithoutError() {
        try (Connection conn = connect()) {
            Transaction[] inner = new Transaction[1];
            conn.runInTransaction(outer -> {
                insert(conn, 1);
                Object r = conn.transaction(tx -> {
                    inner[0] = tx;
                    insert(conn, 2);
                    throw new Rollback();
                });
                assertNull(r);
                insert(conn, 3);
            });
            assertEquals(Transaction.Status.ROLLED_BACK, inner[0].status());
            assertEquals(List.of("1", "3"), committed());
        }
    }

    @Test
    void rollbackSignalNamingAnOuterBlockRollsBackUpToIt() {
        try (Connection conn = connect()) {
            List<String> after = new ArrayList<>();
            conn.runInTransaction(top -> {
                insert(conn, 1);
                conn.runInTransaction(middle -> {
                    insert(conn, 2);
                    conn.runInTransaction(bottom -> {
                        insert(conn, 3);
                        throw new Rollback(middle);
                    });
                    after.add("bottom returned"); // never reached: the signal goes on to middle
                });
                after.add("middle returned");
                insert(conn, 4);
            });
            assertEquals(List.of("middle returned"), after);
            assertEquals(List.of("1", "4"), committed());
        }
    }

    @Test
    void rollbackSignalForTheOutermostBlockLeavesNothing() {
        try (Connection conn = connect()) {
            conn.runInTransaction(top -> {
                insert(conn, 1);
                conn.runInTransaction(inner -> {
                    insert(conn, 2);
                    throw new Rollback(top);
                });
            });
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
            assertEquals(List.of(), committed());
        }
    }

    @Test
    void forceRollbackUndoesABlockThatReturnedNormally() {
        try (Connection conn = connect()) {
            Integer v = conn.transaction(tx -> {
                insert(conn, 1);
                tx.forceRollback();
                return 7;
            });
            assertEquals(7, v);
            conn.transaction(null, true, tx -> {
                insert(conn, 2);
                return null;
            });
            assertEquals(List.of(), committed());
        }
    }

    @Test
    void commitAndRollbackInsideABlockAreRefused() {
        try (Connection conn = connect()) {
            conn.runInTransaction(tx -> {
                insert(conn, 1);
                ProgrammingException c = assertThrows(ProgrammingException.class, conn::commit);
                assertTrue(c.getMessage().contains("commit()"), c.getMessage());
                assertThrows(ProgrammingException.class, conn::rollback);
                assertThrows(ProgrammingException.class, () -> conn.setAutocommit(true));
            });
            assertEquals(List.of("1"), committed());
        }
    }

    @Test
    void blockInAutocommitModeSendsBeginAndCommit() {
        try (Connection conn = connect()) {
            conn.setAutocommit(true);
            conn.runInTransaction(tx -> {
                insert(conn, 1);
                assertEquals(TransactionStatus.INTRANS, conn.info().transactionStatus());
                assertEquals(List.of(), committed(), "not visible before the block ends");
            });
            assertEquals(List.of("1"), committed());
            assertThrows(IllegalStateException.class, () -> conn.runInTransaction(tx -> {
                insert(conn, 2);
                throw new IllegalStateException();
            }));
            assertEquals(List.of("1"), committed());
            insert(conn, 3); // autocommit again after the block
            assertEquals(List.of("1", "3"), committed());
        }
    }

    @Test
    void blockInsideAnOpenTransactionIsASavepointAndTheTransactionStaysOpen() {
        try (Connection conn = connect()) {
            insert(conn, 1); // implicit BEGIN
            conn.runInTransaction(tx -> {
                assertEquals("_tusk_sp_1", tx.savepointName());
                insert(conn, 2);
            });
            assertEquals(TransactionStatus.INTRANS, conn.info().transactionStatus());
            assertEquals(List.of(), committed());
            conn.commit();
            assertEquals(List.of("1", "2"), committed());
        }
    }

    @Test
    void namedSavepointOnTheOutermostBlockComesAfterBegin() {
        try (Connection conn = connect()) {
            conn.transaction("my \"sp\"", false, tx -> {
                assertEquals("my \"sp\"", tx.savepointName());
                insert(conn, 1);
                conn.execute("ROLLBACK TO SAVEPOINT \"my \"\"sp\"\"\""); // the savepoint exists under that name
                insert(conn, 2);
                return null;
            });
            assertEquals(List.of("2"), committed());
        }
    }

    @Test
    void bodyThatSwallowedAnErrorGetsTransactionRollbackInsteadOfASilentRollback() {
        try (Connection conn = connect()) {
            Transaction[] seen = new Transaction[1];
            assertThrows(TransactionRollbackException.class, () -> conn.runInTransaction(tx -> {
                seen[0] = tx;
                insert(conn, 1);
                assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1 / 0"));
            }));
            assertEquals(Transaction.Status.ROLLED_BACK, seen[0].status());
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
            assertEquals(List.of(), committed());
        }
    }

    @Test
    void commitOfTheBlockIsReportedInItsStatus() {
        try (Connection conn = connect()) {
            Transaction[] seen = new Transaction[2];
            conn.runInTransaction(outer -> {
                seen[0] = outer;
                conn.runInTransaction(inner -> seen[1] = inner);
                assertEquals(Transaction.Status.COMMITTED, seen[1].status());
                assertEquals(Transaction.Status.ACTIVE, outer.status());
            });
            assertEquals(Transaction.Status.COMMITTED, seen[0].status());
            assertSame(conn, seen[0].connection());
        }
    }
}
