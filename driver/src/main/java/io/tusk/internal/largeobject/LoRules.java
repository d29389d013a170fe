package io.tusk.internal.largeobject;

import io.tusk.errors.InterfaceException;
import io.tusk.errors.ProgrammingException;

/**
 * The rules both large objects enforce, blocking and asynchronous, in the same words: psycopg2's
 * {@code lobject} lives in the transaction that opened it, and a descriptor is never used after
 * that transaction ended, where its number could name another object.
 */
final class LoRules {
    private LoRules() {
    }

    static ProgrammingException outsideTransaction() {
        return new ProgrammingException("can't use a large object outside of transactions: large-object descriptors"
                + " live in a transaction; turn autocommit off (setAutocommit(false))");
    }

    static ProgrammingException noDescriptor(long oid) {
        return new ProgrammingException("large object " + oid + " was opened in mode 'n': it has no descriptor;"
                + " open it with r, w or rw to read or write");
    }

    static ProgrammingException notValidAnymore(long oid, LoMode mode) {
        return new ProgrammingException("large object " + oid + " isn't valid anymore: the transaction that opened it"
                + " ended; open it again with conn.largeObject(" + oid + ", \"" + mode + "\")");
    }

    static ProgrammingException tooLarge(long oid, long left) {
        return new ProgrammingException("large object " + oid + " has " + left + " bytes left: too many for one"
                + " byte[]; read it in parts");
    }

    /**
     * An object closed by its user, or on a connection its user closed, raises InterfaceException;
     * a broken connection is left to raise its own OperationalException at the call.
     */
    static void checkOpen(long oid, boolean closed, boolean connectionClosedByUser) {
        if (closed) {
            throw new InterfaceException("large object " + oid + " is already closed");
        }
        if (connectionClosedByUser) {
            throw new InterfaceException("the connection is closed");
        }
    }
}
