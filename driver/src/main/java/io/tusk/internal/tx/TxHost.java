package io.tusk.internal.tx;

import io.tusk.Connection;
import io.tusk.TransactionStatus;
import io.tusk.internal.connection.QueryResult;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.locks.Lock;

/** What transaction blocks and two-phase commit need from their connection. */
public interface TxHost {
    Connection connection();

    /** The session's command lock: held to check a state and act on it in one step. */
    Lock lock();

    TransactionStatus transactionStatus();

    boolean autocommit();

    /** Runs SQL with the simple-query protocol as it is, never with an implicit BEGIN. */
    List<QueryResult> run(String sql);

    /** How the server encodes text. */
    Charset charset();

    /** True when the connection is closed or broken, so nothing can be sent. */
    boolean unusable();
}
