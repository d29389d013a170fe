package io.tusk.xa;

import static javax.transaction.xa.XAResource.TMFAIL;
import static javax.transaction.xa.XAResource.TMJOIN;
import static javax.transaction.xa.XAResource.TMNOFLAGS;
import static javax.transaction.xa.XAResource.TMRESUME;
import static javax.transaction.xa.XAResource.TMSUCCESS;
import static javax.transaction.xa.XAResource.TMSUSPEND;
import static javax.transaction.xa.XAResource.TMSTARTRSCAN;
import static javax.transaction.xa.XAResource.TMENDRSCAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.TransactionStatus;
import io.tusk.errors.OperationalException;
import java.io.IOException;
import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The XA state machine against a scripted session: which SQL each call sends, and each error code. */
class TuskXAResourceStateTest {
    private final FakeOps ops = new FakeOps();
    private final TuskXAResource res = new TuskXAResource(ops);
    private final Xid xid = TestXid.of(7, "global", "branch");
    private final String gid = io.tusk.Xid.of(7, "global", "branch").toString();
    /** The branch's work: its first statement opens the server transaction (the implicit BEGIN goes with it). */
    private static final String UPDATE = "UPDATE t SET v = 1";

    private static int code(Executable call) {
        return assertThrows(XAException.class, call).errorCode;
    }

    private void startAndEnd() throws XAException {
        res.start(xid, TMNOFLAGS);
        ops.statement(UPDATE);
        res.end(xid, TMSUCCESS);
    }

    @Test
    void twoPhaseCycleSendsTheWorkThenPrepareThenCommitPrepared() throws XAException {
        startAndEnd();
        assertEquals(XAResource.XA_OK, res.prepare(xid));
        res.commit(xid, false);
        assertEquals(List.of(UPDATE, "PREPARE TRANSACTION '" + gid + "'", "COMMIT PREPARED '" + gid + "'"), ops.sql);
    }

    @Test
    void theConnectionIsClaimedFromStartUntilPrepare() throws XAException {
        res.start(xid, TMNOFLAGS);
        assertTrue(ops.claimedBy.contains(gid));
        res.end(xid, TMSUCCESS);
        assertTrue(ops.claimedBy != null, "the branch's transaction is still open after end(), so it stays claimed");
        res.prepare(xid);
        assertNull(ops.claimedBy);
    }

    @Test
    void autocommitIsTurnedOffForTheBranchAndRestored() throws XAException {
        ops.autocommit = true;
        res.start(xid, TMNOFLAGS);
        assertFalse(ops.autocommit);
        res.end(xid, TMSUCCESS);
        res.commit(xid, true);
        assertTrue(ops.autocommit);
    }

    @Test
    void startWithALocalTransactionOpenIsOutside() {
        ops.status = TransactionStatus.INTRANS;
        assertEquals(XAException.XAER_OUTSIDE, code(() -> res.start(xid, TMNOFLAGS)));
        assertTrue(ops.sql.isEmpty(), "nothing is sent: the local transaction is never merged into a branch");
    }

    @Test
    void interleavingTwoBranchesOnOneConnectionIsAProtocolError() throws XAException {
        res.start(xid, TMNOFLAGS);
        res.end(xid, TMSUSPEND);
        XAException e = assertThrows(XAException.class, () -> res.start(TestXid.of(7, "other", "branch"), TMNOFLAGS));
        assertEquals(XAException.XAER_PROTO, e.errorCode);
        assertTrue(e.getMessage().contains("interleaved"), e.getMessage());
    }

    @Test
    void startingTheSameBranchTwiceIsDupid() throws XAException {
        res.start(xid, TMNOFLAGS);
        res.end(xid, TMSUCCESS);
        assertEquals(XAException.XAER_DUPID, code(() -> res.start(xid, TMNOFLAGS)));
    }

    @Test
    void suspendThenResumeAndEndThenJoin() throws XAException {
        res.start(xid, TMNOFLAGS);
        ops.statement(UPDATE);
        res.end(xid, TMSUSPEND);
        assertEquals(XAException.XAER_PROTO, code(() -> res.start(xid, TMJOIN)), "a suspended branch is resumed, not joined");
        res.start(xid, TMRESUME);
        res.end(xid, TMSUCCESS);
        assertEquals(XAException.XAER_PROTO, code(() -> res.start(xid, TMRESUME)), "an ended branch is joined, not resumed");
        res.start(xid, TMJOIN);
        res.end(xid, TMSUCCESS);
        assertEquals(XAResource.XA_OK, res.prepare(xid));
        assertEquals(List.of(UPDATE, "PREPARE TRANSACTION '" + gid + "'"), ops.sql, "one server transaction throughout");
    }

    @Test
    void joinOfABranchThisConnectionDoesNotCarryIsNota() {
        assertEquals(XAException.XAER_NOTA, code(() -> res.start(xid, TMJOIN)));
        assertEquals(XAException.XAER_NOTA, code(() -> res.start(xid, TMRESUME)));
    }

    @Test
    void badFlagsAreInval() throws XAException {
        assertEquals(XAException.XAER_INVAL, code(() -> res.start(xid, TMSUCCESS)));
        res.start(xid, TMNOFLAGS);
        assertEquals(XAException.XAER_INVAL, code(() -> res.end(xid, TMJOIN)));
        assertEquals(XAException.XAER_INVAL, code(() -> res.start(null, TMNOFLAGS)));
        assertEquals(XAException.XAER_INVAL, code(() -> res.start(new TestXid(-1, new byte[0], new byte[0]), TMNOFLAGS)));
        assertEquals(XAException.XAER_INVAL, code(() -> res.start(new TestXid(1, new byte[65], new byte[1]), TMNOFLAGS)));
    }

    @Test
    void prepareOfAnActiveBranchIsAProtocolError() throws XAException {
        res.start(xid, TMNOFLAGS);
        assertEquals(XAException.XAER_PROTO, code(() -> res.prepare(xid)));
        assertEquals(XAException.XAER_PROTO, code(() -> res.commit(xid, true)));
    }

    @Test
    void tmfailRollsBackAtOnceAndPrepareReportsRollback() throws XAException {
        res.start(xid, TMNOFLAGS);
        ops.statement(UPDATE);
        res.end(xid, TMFAIL);
        assertEquals(List.of(UPDATE, "ROLLBACK"), ops.sql);
        assertEquals(XAException.XA_RBROLLBACK, code(() -> res.prepare(xid)));
        assertEquals(List.of(UPDATE, "ROLLBACK"), ops.sql, "nothing is prepared");
        assertNull(ops.claimedBy);
    }

    @Test
    void readOnlyBranchIsCommittedAtOnceAndAnswersRdonly() throws XAException {
        ops.wroteNothing = true;
        startAndEnd();
        assertEquals(XAResource.XA_RDONLY, res.prepare(xid));
        assertEquals(List.of(UPDATE, "PREPARE TRANSACTION '" + gid + "'", "COMMIT PREPARED '" + gid + "'"), ops.sql);
        assertTrue(ops.prepared.isEmpty());
        assertEquals(XAException.XAER_NOTA, code(() -> res.commit(xid, false)), "the transaction manager forgets a read-only branch");
    }

    @Test
    void readOnlyBranchWhoseCommitPreparedFailsStaysPreparedAndVotesOk() throws XAException {
        ops.wroteNothing = true;
        ops.failCommitPrepared = FakeOps.error("57P01");
        startAndEnd();
        assertEquals(XAResource.XA_OK, res.prepare(xid), "the transaction manager will finish it");
        assertEquals(List.of(gid), ops.prepared);
        res.commit(xid, false);
        assertTrue(ops.prepared.isEmpty());
    }

    @Test
    void aBranchThatRanNoStatementSendsNothingAndIsReadOnly() throws XAException {
        res.start(xid, TMNOFLAGS);
        res.end(xid, TMSUCCESS);
        assertEquals(XAResource.XA_RDONLY, res.prepare(xid));
        assertEquals(List.of(), ops.sql, "no transaction was ever opened on the server");
        assertNull(ops.claimedBy);
    }

    @Test
    void prepareAnsweredWithRollbackIsRbrollbackAndForgetsTheBranch() throws XAException {
        ops.prepareTag = "ROLLBACK";
        startAndEnd();
        assertEquals(XAException.XA_RBROLLBACK, code(() -> res.prepare(xid)));
        assertEquals(XAException.XAER_NOTA, code(() -> res.commit(xid, false)), "the resource does not believe it prepared");
    }

    @Test
    void prepareErrorsMapBySqlstate() throws XAException {
        String[][] cases = {{"40P01", "" + XAException.XA_RBDEADLOCK}, {"23505", "" + XAException.XA_RBINTEGRITY},
            {"40001", "" + XAException.XA_RBROLLBACK}, {"57014", "" + XAException.XA_RBTIMEOUT}, {"42710", "" + XAException.XAER_DUPID}};
        for (String[] c : cases) {
            startAndEnd();
            ops.failNext = FakeOps.error(c[0]);
            assertEquals(Integer.parseInt(c[1]), code(() -> res.prepare(xid)), c[0]);
            assertNull(ops.claimedBy, c[0]);
        }
    }

    @Test
    void lostConnectionDuringCommitIsRmfailNeverRmerr() throws XAException {
        startAndEnd();
        ops.failNext = new OperationalException("the connection was lost", new IOException("reset"));
        assertEquals(XAException.XAER_RMFAIL, code(() -> res.commit(xid, true)));
        ops.failNext = FakeOps.error("57P01");
        assertEquals(XAException.XAER_RMFAIL, code(() -> res.commit(TestXid.of(7, "prepared", "elsewhere"), false)));
    }

    @Test
    void commitOrRollbackOfAnUnknownPreparedIdIsNota() {
        assertEquals(XAException.XAER_NOTA, code(() -> res.commit(xid, false)));
        assertEquals(XAException.XAER_NOTA, code(() -> res.rollback(xid)));
        assertEquals(XAException.XAER_NOTA, code(() -> res.commit(xid, true)));
    }

    @Test
    void commitOfABranchNotPreparedWithTwoPhaseIsAProtocolError() throws XAException {
        startAndEnd();
        assertEquals(XAException.XAER_PROTO, code(() -> res.commit(xid, false)));
    }

    @Test
    void recoverReturnsOnlyXaIdsAndValidatesTheScanFlags() throws XAException {
        ops.prepared.add(gid);
        ops.prepared.add("hand-made id");
        assertEquals(XAException.XAER_INVAL, code(() -> res.recover(TMNOFLAGS)), "no scan open");
        assertEquals(XAException.XAER_INVAL, code(() -> res.recover(TMENDRSCAN)), "no scan open");
        assertEquals(XAException.XAER_INVAL, code(() -> res.recover(TMSUCCESS)));
        Xid[] found = res.recover(TMSTARTRSCAN);
        assertEquals(1, found.length);
        assertEquals(xid, found[0]);
        assertArrayEquals(new Xid[0], res.recover(TMNOFLAGS));
        assertArrayEquals(new Xid[0], res.recover(TMENDRSCAN));
        assertEquals(XAException.XAER_INVAL, code(() -> res.recover(TMNOFLAGS)), "the scan was ended");
        assertEquals(1, res.recover(TMSTARTRSCAN | TMENDRSCAN).length);
    }

    @Test
    void forgetIsAlwaysNota() {
        assertEquals(XAException.XAER_NOTA, code(() -> res.forget(xid)));
    }

    @Test
    void isSameRmIsThisResourceUnlessOverridden() {
        TuskXAResource other = new TuskXAResource(new FakeOps());
        assertTrue(res.isSameRM(res));
        assertFalse(res.isSameRM(other));
        res.setSameRMOverride(true);
        assertTrue(res.isSameRM(other));
        res.setSameRMOverride(false);
        assertFalse(res.isSameRM(res));
    }

    @Test
    void transactionTimeoutIsReportedAndValidated() throws XAException {
        assertEquals(0, res.getTransactionTimeout());
        assertTrue(res.setTransactionTimeout(5));
        assertEquals(5, res.getTransactionTimeout());
        assertEquals(XAException.XAER_INVAL, code(() -> res.setTransactionTimeout(-1)));
    }

    @Test
    void anEndedBranchThatTimesOutIsRolledBackAndPrepareSaysTimeout() throws Exception {
        res.setTransactionTimeout(1);
        startAndEnd();
        waitFor(() -> ops.sql.contains("ROLLBACK"));
        assertEquals(XAException.XA_RBTIMEOUT, code(() -> res.prepare(xid)));
        assertEquals(List.of(UPDATE, "ROLLBACK"), ops.sql);
    }

    @Test
    void anActiveBranchThatTimesOutIsCancelledAndEndSaysTimeout() throws Exception {
        res.setTransactionTimeout(1);
        res.start(xid, TMNOFLAGS);
        ops.statement(UPDATE);
        waitFor(() -> ops.cancels == 1);
        assertEquals(XAException.XA_RBTIMEOUT, code(() -> res.end(xid, TMSUCCESS)));
        assertEquals(List.of(UPDATE, "ROLLBACK"), ops.sql);
        res.rollback(xid);
        assertNull(ops.claimedBy);
    }

    private static void waitFor(java.util.function.BooleanSupplier cond) throws InterruptedException {
        long until = System.nanoTime() + 5_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(20);
        }
    }
}
