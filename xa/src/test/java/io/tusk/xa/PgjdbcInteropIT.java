package io.tusk.xa;

import static javax.transaction.xa.XAResource.TMENDRSCAN;
import static javax.transaction.xa.XAResource.TMNOFLAGS;
import static javax.transaction.xa.XAResource.TMSTARTRSCAN;
import static javax.transaction.xa.XAResource.TMSUCCESS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.testkit.FreshDatabase;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.sql.Statement;
import java.util.Random;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.xa.PGXADataSource;

/** Branches prepared by pgjdbc's PGXADataSource are recovered by Tusk with equal Xid parts, and the other way round. */
@FreshDatabase
class PgjdbcInteropIT {
    private TestDatabase db;

    @BeforeEach
    void table(TestDatabase db) {
        this.db = db;
        db.admin().execute("DROP TABLE IF EXISTS t; CREATE TABLE t (id int); GRANT ALL ON t TO PUBLIC");
    }

    private XAConnection pgjdbc() throws Exception {
        PGXADataSource ds = new PGXADataSource();
        ds.setUrl(db.jdbcUrl(PgUsers.TRUST));
        return ds.getXAConnection();
    }

    private static Xid binaryXid(int formatId, long seed) {
        Random r = new Random(seed);
        byte[] g = new byte[64];
        byte[] b = new byte[64];
        r.nextBytes(g);
        r.nextBytes(b);
        return new TestXid(formatId, g, b);
    }

    private static Xid find(Xid[] found, Xid wanted) {
        for (Xid x : found) {
            if (x.getFormatId() == wanted.getFormatId()
                    && java.util.Arrays.equals(x.getGlobalTransactionId(), wanted.getGlobalTransactionId())
                    && java.util.Arrays.equals(x.getBranchQualifier(), wanted.getBranchQualifier())) {
                return x;
            }
        }
        return null;
    }

    private int rows() {
        return Integer.parseInt(db.admin().queryScalar("SELECT count(*) FROM t"));
    }

    @Test
    void aBranchPreparedByPgjdbcIsRecoveredAndCommittedByTusk() throws Exception {
        Xid xid = binaryXid(Integer.MAX_VALUE, 1);
        XAConnection xc = pgjdbc();
        try {
            XAResource pr = xc.getXAResource();
            pr.start(xid, TMNOFLAGS);
            try (Statement st = xc.getConnection().createStatement()) {
                st.execute("INSERT INTO t VALUES (1)");
            }
            pr.end(xid, TMSUCCESS);
            assertEquals(XAResource.XA_OK, pr.prepare(xid));
        } finally {
            xc.close();
        }
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            TuskXAResource res = new TuskXAResource(conn);
            Xid recovered = find(res.recover(TMSTARTRSCAN | TMENDRSCAN), xid);
            assertNotNull(recovered, "Tusk lists pgjdbc's branch with the same format id, gtrid and bqual");
            assertEquals(xid, recovered);
            res.commit(recovered, false);
        }
        assertEquals(1, rows());
    }

    @Test
    void aBranchPreparedByTuskIsRecoveredAndCommittedByPgjdbc() throws Exception {
        Xid xid = binaryXid(0, 2);
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            TuskXAResource res = new TuskXAResource(conn);
            res.start(xid, TMNOFLAGS);
            conn.execute("INSERT INTO t VALUES (1)");
            res.end(xid, TMSUCCESS);
            assertEquals(XAResource.XA_OK, res.prepare(xid));
        }
        XAConnection xc = pgjdbc();
        try {
            XAResource pr = xc.getXAResource();
            Xid recovered = find(pr.recover(TMSTARTRSCAN | TMENDRSCAN), xid);
            assertNotNull(recovered, "pgjdbc lists Tusk's branch with the same parts");
            assertArrayEquals(xid.getGlobalTransactionId(), recovered.getGlobalTransactionId());
            pr.commit(recovered, false);
        } finally {
            xc.close();
        }
        assertEquals(1, rows());
    }
}
