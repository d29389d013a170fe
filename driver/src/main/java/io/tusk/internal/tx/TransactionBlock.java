package io.tusk.internal.tx;

import io.tusk.Connection;
import io.tusk.Transaction;

/** One {@link Transaction} block: what it opened (BEGIN or a savepoint) and how it ended. */
public final class TransactionBlock implements Transaction {
    private final Connection connection;
    final boolean outer;
    final String savepointName;
    final int stackIndex;
    private volatile boolean forceRollback;
    private volatile Status status = Status.ACTIVE;

    TransactionBlock(Connection connection, boolean outer, String savepointName, int stackIndex, boolean forceRollback) {
        this.connection = connection;
        this.outer = outer;
        this.savepointName = savepointName;
        this.stackIndex = stackIndex;
        this.forceRollback = forceRollback;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public String savepointName() {
        return savepointName;
    }

    @Override
    public void forceRollback() {
        forceRollback = true;
    }

    @Override
    public boolean isForceRollback() {
        return forceRollback;
    }

    @Override
    public Status status() {
        return status;
    }

    void status(Status s) {
        status = s;
    }

    @Override
    public String toString() {
        return "Transaction[" + (savepointName == null ? "BEGIN" : "SAVEPOINT " + savepointName) + ", " + status + "]";
    }
}
