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

    /** {@code BEGIN} with the connection's characteristics. */
    void begin();

    /**
     * True when the transaction has no transaction id ({@code pg_current_xact_id_if_assigned()}
     * is null; {@code txid_current_if_assigned()} before PostgreSQL 13): it wrote nothing.
     */
    boolean wroteNothing();

    /** {@code PREPARE TRANSACTION 'gid'}; returns the command tag ({@code ROLLBACK} when the server rolled back instead). */
    String prepare(String gid);

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
