package io.tusk.xa.internal;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.TransactionStatus;
import io.tusk.rows.Row;
import io.tusk.spi.TransactionControl;
import io.tusk.spi.TwoPhaseCommands;
import java.util.ArrayList;
import java.util.List;

/** {@link BranchOps} on a Tusk connection, through its {@link TransactionControl}. */
public final class ConnectionOps implements BranchOps {
    /**
     * Only the prepared transactions this role can finish: PostgreSQL lets the role that
     * prepared a transaction, or a superuser, run COMMIT/ROLLBACK PREPARED (twophase.c,
     * LockGXact: "Must be superuser or the user that prepared the transaction"); mere
     * membership in the owner role is not enough, so it is not what is asked here.
     */
    private static final String PREPARED = "SELECT gid FROM pg_catalog.pg_prepared_xacts "
            + "WHERE database = pg_catalog.current_database() AND (owner = current_user "
            + "OR (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user)) ORDER BY prepared, gid";

    private final Connection conn;
    private final TransactionControl control;

    public ConnectionOps(Connection conn) {
        this.conn = conn;
        this.control = TransactionControl.of(conn);
    }

    @Override
    public TransactionStatus status() {
        return conn.info().transactionStatus();
    }

    @Override
    public boolean unusable() {
        return conn.isClosed() || conn.isBroken();
    }

    @Override
    public boolean autocommit() {
        return conn.autocommit();
    }

    @Override
    public void setAutocommit(boolean autocommit) {
        conn.setAutocommit(autocommit);
    }

    @Override
    public void claim(String owner) {
        control.claim(owner);
    }

    @Override
    public void release(String owner) {
        control.release(owner);
    }

    /**
     * Opens the branch's transaction. Outside autocommit nothing is sent: the connection's
     * implicit BEGIN (with the same characteristics) rides in the same write as the branch's
     * first statement, saving a round trip per branch; a branch that runs nothing never opens
     * a transaction at all. In autocommit mode the BEGIN is sent now.
     */
    @Override
    public void begin() {
        if (conn.autocommit()) {
            control.runCommand(control.beginStatement());
        }
    }

    @Override
    public Prepared prepare(String gid) {
        // pg_current_xact_id_if_assigned() is new in PostgreSQL 13; txid_current_if_assigned() (9.6+) is its old name.
        String fn = conn.info().serverVersion() >= 130000 ? "pg_catalog.pg_current_xact_id_if_assigned()"
                : "pg_catalog.txid_current_if_assigned()";
        // Two statements in one simple Query message: one round trip. The question is asked
        // before PREPARE TRANSACTION ends the transaction; were it to fail, the server skips
        // the PREPARE and the error reaches the caller as the PREPARE's would.
        Cursor<Row> cur = conn.execute("SELECT " + fn + " IS NULL; " + TwoPhaseCommands.prepare(gid));
        boolean wroteNothing = Boolean.TRUE.equals(cur.fetchone().get(0));
        if (!cur.nextset()) {
            throw new IllegalStateException("PREPARE TRANSACTION " + gid + " returned no command tag");
        }
        return new Prepared(cur.statusmessage(), wroteNothing);
    }

    @Override
    public String commit() {
        return control.runCommand("COMMIT");
    }

    @Override
    public void rollback() {
        control.runCommand("ROLLBACK");
    }

    @Override
    public void commitPrepared(String gid) {
        control.runCommand(TwoPhaseCommands.commitPrepared(gid));
    }

    @Override
    public void rollbackPrepared(String gid) {
        control.runCommand(TwoPhaseCommands.rollbackPrepared(gid));
    }

    @Override
    public List<String> preparedIds() {
        List<String> out = new ArrayList<>();
        // Outside a transaction with autocommit off this opens one; recovery connections hold no branch, so end it.
        boolean opened = conn.info().transactionStatus() == TransactionStatus.IDLE && !conn.autocommit();
        for (Row row : conn.execute(PREPARED).fetchall()) {
            out.add((String) row.get(0));
        }
        if (opened) {
            control.runCommand("ROLLBACK");
        }
        return out;
    }

    @Override
    public void cancel() {
        conn.cancel();
    }

    @Override
    public String describe() {
        try {
            return conn.info().host() + ":" + conn.info().port() + "/" + conn.info().dbname() + " (backend pid " + conn.info().backendPid() + ")";
        } catch (RuntimeException e) {
            return "a closed connection";
        }
    }
}
