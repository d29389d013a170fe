package io.tusk.xa.internal;

import io.tusk.Xid;
import java.util.Arrays;
import javax.transaction.xa.XAException;

/**
 * A {@link javax.transaction.xa.Xid} made from a Tusk {@link Xid}, as {@code recover} returns
 * them; equal to any other {@code javax.transaction.xa.Xid} with the same three parts, as
 * transaction managers compare them.
 */
public final class XaXid implements javax.transaction.xa.Xid {
    private final int formatId;
    private final byte[] gtrid;
    private final byte[] bqual;

    public XaXid(int formatId, byte[] gtrid, byte[] bqual) {
        this.formatId = formatId;
        this.gtrid = gtrid.clone();
        this.bqual = bqual.clone();
    }

    /** The XA triple of an id in XA form. */
    public static XaXid of(Xid xid) {
        return new XaXid(xid.formatId(), xid.gtridBytes(), xid.bqualBytes());
    }

    /**
     * The Tusk id of a transaction manager's Xid (the PostgreSQL transaction id is then
     * {@code toString()}, pgjdbc's encoding).
     *
     * @throws XAException XAER_INVAL for a null Xid, XA's null Xid (format id -1) or a part over 64 bytes
     */
    public static Xid toTusk(javax.transaction.xa.Xid xid) throws XAException {
        if (xid == null) {
            throw XaErrors.of(XAException.XAER_INVAL, "the Xid is null");
        }
        byte[] g = xid.getGlobalTransactionId();
        byte[] b = xid.getBranchQualifier();
        if (xid.getFormatId() < 0 || g == null || b == null) {
            throw XaErrors.of(XAException.XAER_INVAL, "the Xid has format id " + xid.getFormatId()
                    + (g == null || b == null ? " and a null part" : "") + ": a branch needs a format id >= 0 (-1 is XA's null Xid) and both parts");
        }
        try {
            return Xid.of(xid.getFormatId(), g, b);
        } catch (IllegalArgumentException e) {
            throw XaErrors.of(XAException.XAER_INVAL, e.getMessage(), e);
        }
    }

    @Override
    public int getFormatId() {
        return formatId;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return gtrid.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return bqual.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof javax.transaction.xa.Xid x && x.getFormatId() == formatId
                && Arrays.equals(x.getGlobalTransactionId(), gtrid) && Arrays.equals(x.getBranchQualifier(), bqual);
    }

    @Override
    public int hashCode() {
        return (formatId * 31 + Arrays.hashCode(gtrid)) * 31 + Arrays.hashCode(bqual);
    }

    /** The PostgreSQL transaction id (pgjdbc's encoding). */
    @Override
    public String toString() {
        return Xid.of(formatId, gtrid, bqual).toString();
    }
}
