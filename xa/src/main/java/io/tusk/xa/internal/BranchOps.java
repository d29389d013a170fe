package io.tusk.xa.internal;

import io.tusk.TransactionStatus;
import java.util.List;

/**
 * The SQL an XA branch needs from its PostgreSQL session, one method per statement, so that the
 * state machine of {@code TuskXAResource} can be tested without a server. Every method throws the
 * driver's {@code TuskException}s unchanged; {@link XaErrors} maps them to XA codes.
 */
public interface BranchOps {
    /** The session's transaction status (ReadyForQuery); UNKNOWN when the connection is gone. */
    TransactionStatus status();

    /** True when nothing can be sent any more (closed or broken). */
    boolean unusable();

    boolean autocommit();

    void setAutocommit(boolean autocommit);

    /** Takes the transaction control away from the application ({@code TransactionControl.claim}). */
    void claim(String owner);

    void release(String owner);

    /**
     * Opens the branch's transaction with the connection's characteristics: outside autocommit
     * nothing is sent, because the connection's implicit BEGIN rides in the same write as the
     * branch's first statement (as pgjdbc's XA connection does).
     */
    void begin();

    /**
     * The answer of {@link #prepare}: the command tag of PREPARE TRANSACTION ({@code ROLLBACK}
     * when the server rolled back instead) and whether the transaction had written nothing
     * (no transaction id was assigned).
     */
    record Prepared(String tag, boolean wroteNothing) {
    }

    /**
     * In one round trip: whether the transaction wrote anything
     * ({@code pg_current_xact_id_if_assigned() IS NULL}; {@code txid_current_if_assigned()} before
     * PostgreSQL 13), then {@code PREPARE TRANSACTION 'gid'}.
     */
    Prepared prepare(String gid);

    /** {@code COMMIT}; returns the command tag ({@code ROLLBACK} when the transaction had failed). */
    String commit();

    void rollback();

    void commitPrepared(String gid);

    void rollbackPrepared(String gid);

    /** The ids of the prepared transactions of the current database that the current role may finish, oldest first. */
    List<String> preparedIds();

    /** Asks the server to cancel the running statement (from another thread). */
    void cancel();

    /** Where the session is connected, for messages: {@code host:port/dbname pid n}. */
    String describe();
}
