package io.tusk.internal.tx;

import io.tusk.errors.ProgrammingException;

/**
 * Who holds a connection's transaction control ({@code io.tusk.spi.TransactionControl}): null
 * for the application, else a transaction manager's resource, whose transaction the
 * application's {@code commit()} and the like must not end.
 */
public final class Claim {
    private String owner;

    public synchronized void claim(String who) {
        if (who == null) {
            throw new IllegalArgumentException("the owner of a claim must not be null");
        }
        if (owner != null && !owner.equals(who)) {
            throw new ProgrammingException("the connection already belongs to " + owner + ": it can't also belong to " + who);
        }
        owner = who;
    }

    public synchronized void release(String who) {
        if (owner != null && owner.equals(who)) {
            owner = null;
        }
    }

    public synchronized String owner() {
        return owner;
    }

    /** Raises when a claim holds the connection, naming the method and the owner. */
    public void check(String method) {
        String o = owner();
        if (o != null) {
            throw new ProgrammingException(method + " can't be used now: the connection belongs to " + o
                    + ", whose transaction manager ends the transaction; use the transaction manager's commit or rollback");
        }
    }
}
