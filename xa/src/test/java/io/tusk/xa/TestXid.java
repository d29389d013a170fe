package io.tusk.xa;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.transaction.xa.Xid;

/** A transaction manager's Xid, as any TM hands one over (not Tusk's own class). */
record TestXid(int formatId, byte[] gtrid, byte[] bqual) implements Xid {
    static TestXid of(int formatId, String gtrid, String bqual) {
        return new TestXid(formatId, gtrid.getBytes(StandardCharsets.UTF_8), bqual.getBytes(StandardCharsets.UTF_8));
    }

    @Override public int getFormatId() { return formatId; }
    @Override public byte[] getGlobalTransactionId() { return gtrid.clone(); }
    @Override public byte[] getBranchQualifier() { return bqual.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Xid x && x.getFormatId() == formatId && Arrays.equals(x.getGlobalTransactionId(), gtrid)
                && Arrays.equals(x.getBranchQualifier(), bqual);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(gtrid);
    }
}
