package io.tusk.xa.internal;

import io.tusk.errors.Errors;
import io.tusk.errors.TuskException;
import io.tusk.errors.TransactionRollbackException;
import java.io.IOException;
import javax.transaction.xa.XAException;

/**
 * Maps the driver's errors to XA error codes (X/Open XA, section 5 "Error codes"), by SQLSTATE.
 * A lost or terminated session is always {@code XAER_RMFAIL} (the resource manager is
 * unavailable; the transaction manager retries or recovers), never {@code XAER_RMERR}.
 */
public final class XaErrors {
    private XaErrors() {
    }

    /** An XAException with {@code code} and a message that names the code. */
    public static XAException of(int code, String message, Throwable cause) {
        XAException e = new XAException(name(code) + ": " + message);
        e.errorCode = code;
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    public static XAException of(int code, String message) {
        return of(code, message, null);
    }

    /** True when {@code e} means the session is gone: SQLSTATE class 08, 57P01-57P05, 25P03/25P04, or an I/O error. */
    public static boolean isConnectionLoss(Throwable e, BranchOps ops) {
        if (e instanceof TuskException t && Errors.isConnectionError(t.sqlstate())) {
            return true;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IOException) {
                return true;
            }
        }
        return ops != null && ops.unusable();
    }

    /**
     * The {@code XA_RB*} code for a transaction the server rolled back because of {@code e}:
     * deadlock (40P01) {@code XA_RBDEADLOCK}; integrity violations (class 23, e.g. a deferred
     * constraint checked at PREPARE) {@code XA_RBINTEGRITY}; a statement, lock or transaction
     * timeout (57014, 55P03) {@code XA_RBTIMEOUT}; anything else, serialization failures (40001)
     * included, {@code XA_RBROLLBACK}.
     */
    public static int rollbackCode(Throwable e) {
        String state = e instanceof TuskException t ? t.sqlstate() : null;
        if (state == null) {
            return XAException.XA_RBROLLBACK;
        }
        if (state.equals("40P01")) {
            return XAException.XA_RBDEADLOCK;
        }
        if (state.startsWith("23")) {
            return XAException.XA_RBINTEGRITY;
        }
        if (state.equals("57014") || state.equals("55P03")) {
            return XAException.XA_RBTIMEOUT;
        }
        return XAException.XA_RBROLLBACK;
    }

    /** True when {@code e} is the server rolling back the transaction (SQLSTATE class 40, or the driver saying so). */
    public static boolean isRollback(Throwable e) {
        return e instanceof TransactionRollbackException
                || (e instanceof TuskException t && t.sqlstate() != null && t.sqlstate().startsWith("40"));
    }

    public static String sqlstate(Throwable e) {
        return e instanceof TuskException t ? t.sqlstate() : null;
    }

    /** The constant's name, for messages: {@code XAER_NOTA}, {@code XA_RBDEADLOCK}, ... */
    public static String name(int code) {
        switch (code) {
            case XAException.XA_RBROLLBACK: return "XA_RBROLLBACK";
            case XAException.XA_RBCOMMFAIL: return "XA_RBCOMMFAIL";
            case XAException.XA_RBDEADLOCK: return "XA_RBDEADLOCK";
            case XAException.XA_RBINTEGRITY: return "XA_RBINTEGRITY";
            case XAException.XA_RBOTHER: return "XA_RBOTHER";
            case XAException.XA_RBPROTO: return "XA_RBPROTO";
            case XAException.XA_RBTIMEOUT: return "XA_RBTIMEOUT";
            case XAException.XA_RBTRANSIENT: return "XA_RBTRANSIENT";
            case XAException.XA_NOMIGRATE: return "XA_NOMIGRATE";
            case XAException.XA_HEURHAZ: return "XA_HEURHAZ";
            case XAException.XA_HEURCOM: return "XA_HEURCOM";
            case XAException.XA_HEURRB: return "XA_HEURRB";
            case XAException.XA_HEURMIX: return "XA_HEURMIX";
            case XAException.XA_RETRY: return "XA_RETRY";
            case XAException.XA_RDONLY: return "XA_RDONLY";
            case XAException.XAER_ASYNC: return "XAER_ASYNC";
            case XAException.XAER_RMERR: return "XAER_RMERR";
            case XAException.XAER_NOTA: return "XAER_NOTA";
            case XAException.XAER_INVAL: return "XAER_INVAL";
            case XAException.XAER_PROTO: return "XAER_PROTO";
            case XAException.XAER_RMFAIL: return "XAER_RMFAIL";
            case XAException.XAER_DUPID: return "XAER_DUPID";
            case XAException.XAER_OUTSIDE: return "XAER_OUTSIDE";
            default: return "XA error " + code;
        }
    }
}
