package io.tusk.cli;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.xa.TuskXAConnection;
import io.tusk.xa.TuskXAConnectionSource;
import io.tusk.xa.TuskXAResource;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The XA step of {@code tusk demo}: one global transaction with a branch in each of two
 * databases driven through {@link TuskXAResource} as a transaction manager would (start, end,
 * prepare both, commit), a "crash" between the two commits, and the recovery of the in-doubt
 * branch by a fresh resource ({@code recover} then {@code commit}).
 *
 * <p>Example: {@code new XaTour(out, "dbname=orders", "dbname=stock").run()}.
 */
final class XaTour {
    private static final String TABLE = "tusk_demo_xa";

    private final PrintWriter out;
    private final String orders;
    private final String stock;

    /** Both connection strings may name the same database: the branches are then two sessions of it. */
    XaTour(PrintWriter out, String orders, String stock) {
        this.out = out;
        this.orders = orders;
        this.stock = stock;
    }

    void run() throws Exception {
        for (String db : databases()) {
            try (Connection c = Tusk.connect(db)) {
                c.setAutocommit(true);
                c.execute("DROP TABLE IF EXISTS " + TABLE);
                c.execute("CREATE TABLE " + TABLE + " (id int, what text)");
            }
        }
        byte[] gtrid = ("order-" + UUID.randomUUID().toString().substring(0, 8)).getBytes(StandardCharsets.UTF_8);
        Xid branchA = new DemoXid(4242, gtrid, "orders".getBytes(StandardCharsets.UTF_8));
        Xid branchB = new DemoXid(4242, gtrid, "stock".getBytes(StandardCharsets.UTF_8));
        TuskXAConnection a = new TuskXAConnectionSource(orders).getXAConnection();
        TuskXAConnection b = new TuskXAConnectionSource(stock).getXAConnection();
        try {
            work(a, branchA, "INSERT INTO " + TABLE + " VALUES (1234, 'order: tusk plush')");
            work(b, branchB, "INSERT INTO " + TABLE + " VALUES (1234, 'stock: -1 tusk plush')");
            int voteA = a.getXAResource().prepare(branchA);
            int voteB = b.getXAResource().prepare(branchB);
            say("phase 1: both branches prepared (votes %s, %s): %s in %s, %s in %s", vote(voteA), vote(voteB),
                    io.tusk.Xid.of(4242, gtrid, branchA.getBranchQualifier()), a.getConnection().info().dbname(),
                    io.tusk.Xid.of(4242, gtrid, branchB.getBranchQualifier()), b.getConnection().info().dbname());
            a.getXAResource().commit(branchA, false);
            say("phase 2: the 'orders' branch committed, then the transaction manager 'crashes'");
        } finally {
            a.close();
            b.close(); // the 'stock' branch stays prepared: in doubt
        }
        try (TuskXAConnection recovery = new TuskXAConnectionSource(stock).getXAConnection()) {
            TuskXAResource res = recovery.getXAResource();
            for (Xid x : res.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) {
                if (java.util.Arrays.equals(x.getGlobalTransactionId(), gtrid)) {
                    say("recovery: recover() on a new resource finds the in-doubt branch (formatId %d, gtrid %s, bqual %s)",
                            x.getFormatId(), new String(x.getGlobalTransactionId(), StandardCharsets.UTF_8),
                            new String(x.getBranchQualifier(), StandardCharsets.UTF_8));
                    res.commit(x, false);
                    say("recovery: commit(xid, false) finished it, as the transaction manager's log said to");
                }
            }
        }
        for (String db : databases()) {
            try (Connection c = Tusk.connect(db)) {
                c.setAutocommit(true);
                say("%s: %s", c.info().dbname(), c.execute("SELECT string_agg(what, ', ') FROM " + TABLE + " WHERE id = 1234")
                        .fetchone().get(0));
                c.execute("DROP TABLE IF EXISTS " + TABLE);
            }
        }
    }

    /** The databases of the two branches, once each (with --dsn they are the same one). */
    private List<String> databases() {
        return orders.equals(stock) ? List.of(orders) : List.of(orders, stock);
    }

    private void work(TuskXAConnection xa, Xid xid, String sql) throws Exception {
        xa.getXAResource().start(xid, XAResource.TMNOFLAGS);
        xa.getConnection().execute(sql);
        xa.getXAResource().end(xid, XAResource.TMSUCCESS);
    }

    private static String vote(int vote) {
        return vote == XAResource.XA_OK ? "XA_OK" : vote == XAResource.XA_RDONLY ? "XA_RDONLY" : String.valueOf(vote);
    }

    private void say(String format, Object... args) {
        out.println("  " + String.format(format, args));
        out.flush();
    }

    /** A transaction manager's Xid (javax.transaction.xa.Xid is an interface; the JDK has no implementation). */
    private record DemoXid(int formatId, byte[] gtrid, byte[] bqual) implements Xid {
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
    }
}
