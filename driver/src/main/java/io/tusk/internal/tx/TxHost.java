package io.tusk.internal.tx;

import io.tusk.TransactionStatus;
import io.tusk.internal.connection.QueryResult;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.locks.Lock;

/** What the blocking {@link TxRunner} needs from its connection; always about the current session. */
public interface TxHost {
    /** The session's command lock: held to check a state and act on it in one step. */
    Lock lock();

    /** Runs SQL with the simple-query protocol as it is, never with an implicit BEGIN. */
    List<QueryResult> run(String sql);

    TransactionStatus transactionStatus();

    /** True when {@code close()} was called (then sending raises the closed-connection error). */
    boolean closed();

    /** True when the connection is closed or broken, so nothing can be sent. */
    boolean unusable();

    /** How the server encodes text. */
    Charset charset();
}
