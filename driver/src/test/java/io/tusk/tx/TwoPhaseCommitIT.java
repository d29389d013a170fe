package io.tusk.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.TransactionStatus;
import io.tusk.Tusk;
import io.tusk.Xid;
import io.tusk.errors.DivisionByZero;
import io.tusk.errors.ProgrammingException;
import io.tusk.errors.TransactionRollbackException;
import io.tusk.testkit.FreshDatabase;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.xa.PGXADataSource;

@PgTest
@FreshDatabase
class TwoPhaseCommitIT {
    private TestDatabase db;

    @BeforeEach
    void table(TestDatabase db) {
        this.db = db;
        rollBackLeftovers();
        db.admin().execute("DROP TABLE IF EXISTS ledger; CREATE TABLE ledger (n int); GRANT ALL ON ledger TO PUBLIC");
    }

    /** A prepared transaction left by a failed test would hold its locks (and block DROP TABLE) for ever. */
    @AfterEach
    void rollBackLeftovers() {
        for (String gid : db.admin().queryColumn("SELECT gid FROM pg_prepared_xacts WHERE database = current_database()")) {
            db.admin().execute("ROLLBACK PREPARED '" + gid.replace("'", "''") + "'");
        }
    }

    private Connection connect() {
        return Tusk.connect(db.conninfo(PgUsers.TRUST));
    }

    private List<String> committed() {
        return db.admin().queryColumn("SELECT n::text FROM ledger ORDER BY n");
    }

    private List<String> preparedGids() {
        return db.admin().queryColumn("SELECT gid FROM pg_prepared_xacts ORDER BY gid");
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    /** An XA id as a transaction manager hands it to pgjdbc. */
    record TestXid(int formatId, byte[] gtrid, byte[] bqual) implements javax.transaction.xa.Xid {
        @Override
        public int getFormatId() {
            return formatId;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return gtrid;
        }

        @Override
        public byte[] getBranchQualifier() {
            return bqual;
        }
    }

    @Test
    void commitAfterPrepareFromAnotherConnection() {
        Xid xid;
        try (Connection conn = connect()) {
            xid = conn.xid(42, unique(), "branch-1");
            conn.tpcBegin(xid);
            conn.execute("INSERT INTO ledger VALUES (1)");
            conn.tpcPrepare();
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
        }
        assertEquals(List.of(), committed());
        try (Connection other = connect()) {
            Xid found = other.tpcRecover().stream().filter(xid::equals).findFirst().orElseThrow();
            assertEquals(42, found.formatId());
            assertEquals(xid.gtrid(), found.gtrid());
            assertEquals("branch-1", found.bqual());
            assertEquals("tusk_trust", found.owner());
            assertEquals(db.dbname(), found.database());
            assertNotNull(found.prepared());
            assertTrue(Duration.between(found.prepared(), Instant.now()).abs().toMinutes() < 5, found.prepared().toString());
            other.tpcCommit(found);
        }
        assertEquals(List.of("1"), committed());
        assertFalse(preparedGids().contains(xid.toString()));
    }

    @Test
    void rollbackByXidFromAnotherConnection() {
        Xid xid = Xid.of(7, unique(), "b");
        try (Connection conn = connect()) {
            conn.tpcBegin(xid);
            conn.execute("INSERT INTO ledger VALUES (2)");
            conn.tpcPrepare();
        }
        try (Connection other = connect()) {
            other.tpcRollback(xid);
        }
        assertEquals(List.of(), committed());
        assertFalse(preparedGids().contains(xid.toString()));
    }

    @Test
    void tpcCommitWithoutArgumentsCommitsThePreparedTransaction() {
        try (Connection conn = connect()) {
            Xid xid = conn.xid(1, unique(), "b");
            conn.tpcBegin(xid);
            conn.execute("INSERT INTO ledger VALUES (3)");
            conn.tpcPrepare();
            assertTrue(preparedGids().contains(xid.toString()));
            conn.tpcCommit();
            assertFalse(preparedGids().contains(xid.toString()));
            // the connection is usable for the next transaction
            conn.tpcBegin(conn.xid(1, unique(), "b"));
            conn.tpcRollback();
        }
        assertEquals(List.of("3"), committed());
    }

    @Test
    void tpcCommitBeforePrepareIsAOnePhaseCommit() {
        try (Connection conn = connect()) {
            conn.tpcBegin(conn.xid(1, unique(), "b"));
            conn.execute("INSERT INTO ledger VALUES (4)");
            conn.tpcCommit();
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
        }
        assertEquals(List.of("4"), committed());
    }

    @Test
    void tpcRollbackBeforePrepareRollsBack() {
        try (Connection conn = connect()) {
            conn.tpcBegin(conn.xid(1, unique(), "b"));
            conn.execute("INSERT INTO ledger VALUES (5)");
            conn.tpcRollback();
        }
        assertEquals(List.of(), committed());
    }

    @Test
    void plainStringIdIsRecoveredAsGtridOnly() {
        String gid = "plain-" + unique();
        try (Connection conn = connect()) {
            conn.tpcBegin(gid);
            conn.execute("INSERT INTO ledger VALUES (6)");
            conn.tpcPrepare();
        }
        try (Connection other = connect()) {
            Xid found = other.tpcRecover().stream().filter(x -> gid.equals(x.toString())).findFirst().orElseThrow();
            assertNull(found.formatId());
            assertNull(found.bqual());
            assertEquals(gid, found.gtrid());
            other.tpcCommit(gid);
        }
        assertEquals(List.of("6"), committed());
    }

    @Test
    void prepareOfAFailedTransactionRaisesAndLeavesNothingPrepared() {
        try (Connection conn = connect()) {
            Xid xid = conn.xid(1, unique(), "b");
            conn.tpcBegin(xid);
            conn.execute("INSERT INTO ledger VALUES (7)");
            assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1 / 0"));
            TransactionRollbackException e = assertThrows(TransactionRollbackException.class, conn::tpcPrepare);
            assertTrue(e.getMessage().contains(xid.toString()), e.getMessage());
            assertFalse(preparedGids().contains(xid.toString()));
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
            // the two-phase transaction is over: a new one can begin
            conn.tpcBegin(conn.xid(1, unique(), "b"));
            conn.tpcRollback();
        }
        assertEquals(List.of(), committed());
    }

    @Test
    void tpcRulesAreCheckedBeforeAnythingIsSent() {
        try (Connection conn = connect()) {
            assertThrows(IllegalArgumentException.class, () -> conn.xid(-5, "g", "b"));
            assertThrows(IllegalArgumentException.class, () -> conn.xid(1, "g".repeat(65), "b"));
            assertThrows(IllegalArgumentException.class, () -> conn.xid(1, "g", "b".repeat(65)));
            assertThrows(IllegalArgumentException.class, () -> conn.tpcBegin("x".repeat(200)));
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());

            assertThrows(ProgrammingException.class, conn::tpcPrepare);
            assertThrows(ProgrammingException.class, () -> conn.tpcCommit());
            assertThrows(ProgrammingException.class, () -> conn.tpcRollback());

            conn.execute("SELECT 1");
            ProgrammingException notIdle = assertThrows(ProgrammingException.class, () -> conn.tpcBegin(conn.xid(1, "g", "b")));
            assertTrue(notIdle.getMessage().contains("INTRANS"), notIdle.getMessage());
            conn.rollback();

            conn.setAutocommit(true);
            ProgrammingException auto = assertThrows(ProgrammingException.class, () -> conn.tpcBegin(conn.xid(1, "g", "b")));
            assertTrue(auto.getMessage().contains("autocommit"), auto.getMessage());
            conn.setAutocommit(false);

            Xid xid = conn.xid(1, unique(), "b");
            conn.tpcBegin(xid);
            assertThrows(ProgrammingException.class, conn::commit);
            assertThrows(ProgrammingException.class, conn::rollback);
            assertThrows(ProgrammingException.class, () -> conn.tpcBegin(conn.xid(1, "other", "b")));
            assertThrows(ProgrammingException.class, () -> conn.tpcCommit(xid));
            conn.tpcPrepare();
            assertThrows(ProgrammingException.class, conn::tpcPrepare);
            conn.tpcRollback();
            assertFalse(preparedGids().contains(xid.toString()));
        }
    }

    @Test
    void transactionPreparedByPgjdbcIsRecoveredWithTheSameParts() throws Exception {
        byte[] gtrid = new byte[64];
        for (int i = 0; i < gtrid.length; i++) {
            gtrid[i] = (byte) (i * 7 + 3);
        }
        byte[] bqual = ("pgjdbc-" + unique()).getBytes(StandardCharsets.US_ASCII);
        TestXid jxid = new TestXid(Integer.MAX_VALUE, gtrid, bqual);
        PGXADataSource ds = new PGXADataSource();
        ds.setUrl(db.jdbcUrl(PgUsers.TRUST));
        XAConnection xc = ds.getXAConnection();
        try {
            XAResource xr = xc.getXAResource();
            xr.start(jxid, XAResource.TMNOFLAGS);
            try (java.sql.Statement st = xc.getConnection().createStatement()) {
                st.execute("INSERT INTO ledger VALUES (8)");
            }
            xr.end(jxid, XAResource.TMSUCCESS);
            assertEquals(XAResource.XA_OK, xr.prepare(jxid));
        } finally {
            xc.close();
        }
        try (Connection conn = connect()) {
            Xid found = conn.tpcRecover().stream().filter(x -> x.isXa() && Arrays.equals(bqual, x.bqualBytes()))
                    .findFirst().orElseThrow();
            assertEquals(Integer.MAX_VALUE, found.formatId());
            assertArrayEquals(gtrid, found.gtridBytes());
            assertEquals(Xid.of(Integer.MAX_VALUE, gtrid, bqual), found);
            conn.tpcCommit(found);
        }
        assertEquals(List.of("8"), committed());
    }

    @Test
    void transactionPreparedHereIsRecoveredByPgjdbcWithEqualParts() throws Exception {
        byte[] gtrid = {0, (byte) 0xff, 1, (byte) 0x80, 2};
        byte[] bqual = ("tusk-" + unique()).getBytes(StandardCharsets.US_ASCII);
        Xid xid = Xid.of(0, gtrid, bqual);
        try (Connection conn = connect()) {
            conn.tpcBegin(xid);
            conn.execute("INSERT INTO ledger VALUES (9)");
            conn.tpcPrepare();
        }
        PGXADataSource ds = new PGXADataSource();
        ds.setUrl(db.jdbcUrl(PgUsers.TRUST));
        XAConnection xc = ds.getXAConnection();
        try {
            XAResource xr = xc.getXAResource();
            javax.transaction.xa.Xid match = Arrays.stream(xr.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN))
                    .filter(x -> Arrays.equals(bqual, x.getBranchQualifier())).findFirst().orElseThrow();
            assertEquals(0, match.getFormatId());
            assertArrayEquals(gtrid, match.getGlobalTransactionId());
            xr.commit(match, false);
        } finally {
            xc.close();
        }
        assertEquals(List.of("9"), committed());
    }
}
