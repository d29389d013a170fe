package io.tusk.internal.tx;

import io.tusk.internal.connection.QueryResult;
import java.util.List;
import java.util.concurrent.locks.Lock;

/** What the blocking {@link TxRunner} needs from its connection: its current session's lock, and a way to send SQL. */
public interface TxHost {
    /** The session's command lock: held to check a state and act on it in one step. */
    Lock lock();

    /** Runs SQL with the simple-query protocol as it is, never with an implicit BEGIN. */
    List<QueryResult> run(String sql);
}
