package io.tusk.xa;

import io.tusk.TransactionStatus;
import io.tusk.errors.Diagnostic;
import io.tusk.errors.Errors;
import io.tusk.errors.TuskException;
import io.tusk.xa.internal.BranchOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A scripted session for the state machine's unit tests: records the SQL, answers as told. */
final class FakeOps implements BranchOps {
    final List<String> sql = new ArrayList<>();
    final List<String> prepared = new ArrayList<>();
    TransactionStatus status = TransactionStatus.IDLE;
    boolean autocommit;
    boolean unusable;
    boolean wroteNothing;
    String claimedBy;
    String prepareTag = "PREPARE TRANSACTION";
    RuntimeException failNext;
    RuntimeException failCommitPrepared;
    int cancels;

    static TuskException error(String sqlstate) {
        return Errors.fromDiagnostic(Diagnostic.of(Map.of('C', sqlstate, 'M', "scripted " + sqlstate, 'S', "ERROR")));
    }

    private void run(String s) {
        sql.add(s);
        if (failNext != null) {
            RuntimeException e = failNext;
            failNext = null;
            status = TransactionStatus.IDLE;
            throw e;
        }
    }

    @Override public TransactionStatus status() { return unusable ? TransactionStatus.UNKNOWN : status; }
    @Override public boolean unusable() { return unusable; }
    @Override public boolean autocommit() { return autocommit; }
    /** As the real connection: a claim refuses setAutocommit to everyone, its owner included. */
    @Override
    public void setAutocommit(boolean a) {
        if (claimedBy != null) {
            throw new io.tusk.errors.ProgrammingException("setAutocommit() can't be used now: the connection belongs to " + claimedBy);
        }
        autocommit = a;
    }
    @Override public void claim(String owner) { claimedBy = owner; }
    @Override public void release(String owner) { if (owner.equals(claimedBy)) { claimedBy = null; } }
    /** As the real connection: outside autocommit the BEGIN goes with the first statement, so nothing is sent here. */
    @Override
    public void begin() {
        if (autocommit) {
            run("BEGIN");
            status = TransactionStatus.INTRANS;
        }
    }

    /** The application runs a statement on the branch's connection: it opens the transaction (implicit BEGIN). */
    void statement(String s) {
        sql.add(s);
        status = TransactionStatus.INTRANS;
    }

    @Override
    public Prepared prepare(String gid) {
        run("PREPARE TRANSACTION '" + gid + "'");
        status = TransactionStatus.IDLE;
        if (prepareTag.equals("PREPARE TRANSACTION")) {
            prepared.add(gid);
        }
        return new Prepared(prepareTag, wroteNothing);
    }

    @Override public String commit() { run("COMMIT"); status = TransactionStatus.IDLE; return "COMMIT"; }
    @Override public void rollback() { run("ROLLBACK"); status = TransactionStatus.IDLE; }

    @Override
    public void commitPrepared(String gid) {
        if (failCommitPrepared != null) {
            RuntimeException e = failCommitPrepared;
            failCommitPrepared = null;
            throw e;
        }
        run("COMMIT PREPARED '" + gid + "'");
        if (!prepared.remove(gid)) {
            throw error("42704");
        }
    }

    @Override
    public void rollbackPrepared(String gid) {
        run("ROLLBACK PREPARED '" + gid + "'");
        if (!prepared.remove(gid)) {
            throw error("42704");
        }
    }

    @Override public List<String> preparedIds() { return new ArrayList<>(prepared); }
    @Override public void cancel() { cancels++; }
    @Override public String describe() { return "fake:5432/db (backend pid 1)"; }
}
