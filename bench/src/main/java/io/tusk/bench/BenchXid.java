package io.tusk.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import javax.transaction.xa.Xid;

/**
 * A transaction manager's {@link Xid} (JTA's, not Tusk's own class), as both drivers get one from
 * a TM: one global transaction id per {@link XaCycle} operation, one branch qualifier per database.
 *
 * <pre>{@code
 * String gtrid = BenchXid.nextGtrid();
 * Xid a = new BenchXid(gtrid, "a"), b = new BenchXid(gtrid, "b");
 * }</pre>
 *
 * <p>PostgreSQL's prepared-transaction names are unique in the whole cluster, so the global id
 * carries the fork's start time as well as a counter.
 */
record BenchXid(byte[] gtrid, byte[] bqual) implements Xid {
    /** Any format id other than -1 (the null Xid); pgjdbc and Tusk both put it in the gid. */
    static final int FORMAT_ID = 4711;
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final AtomicLong SEQ = new AtomicLong();

    BenchXid(String gtrid, String bqual) {
        this(gtrid.getBytes(StandardCharsets.US_ASCII), bqual.getBytes(StandardCharsets.US_ASCII));
    }

    /** A global transaction id no other operation of this run uses. */
    static String nextGtrid() {
        return "bench-" + RUN + "-" + SEQ.incrementAndGet();
    }

    @Override
    public int getFormatId() {
        return FORMAT_ID;
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
        return o instanceof Xid x && x.getFormatId() == FORMAT_ID && Arrays.equals(x.getGlobalTransactionId(), gtrid)
                && Arrays.equals(x.getBranchQualifier(), bqual);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(gtrid) + Arrays.hashCode(bqual);
    }
}
