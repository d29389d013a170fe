package io.tusk.bench;

import io.tusk.jdbc.TuskXADataSource;
import io.tusk.xa.TuskXAResource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.xa.PGXADataSource;

/**
 * A two-phase commit of one global transaction with two branches, as a JTA transaction manager
 * drives it (X/Open XA; PostgreSQL's {@code PREPARE TRANSACTION} / {@code COMMIT PREPARED}):
 * for each operation a fresh Xid; branch A on database a, branch B on database b; each branch
 * runs one small {@code UPDATE xa_accounts}; then {@code end} both, {@code prepare} both,
 * {@code commit} both.
 *
 * <pre>{@code bench/run --only 'XaCycle'}</pre>
 *
 * <p>Tusk: {@link TuskXAResource} over two {@code io.tusk.Connection}s. pgjdbc:
 * {@link PGXADataSource} → {@code XAConnection.getXAResource()}, the update on the XA
 * connection's {@code getConnection()} with a reused {@code PreparedStatement}. Each prepare must
 * answer {@code XA_OK} (a branch that did not write would answer {@code XA_RDONLY}), so a cycle
 * that silently skipped its update fails. One thread: a prepared branch keeps its row lock until
 * COMMIT PREPARED, so the round trips of one cycle are the cost being measured.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class XaCycle {
    static final String TUSK_SQL = "UPDATE xa_accounts SET balance = balance + 1 WHERE id = %s";
    static final String JDBC_SQL = "UPDATE xa_accounts SET balance = balance + 1 WHERE id = ?";

    static int randomId() {
        return ThreadLocalRandom.current().nextInt(1, Fixtures.XA_ACCOUNTS + 1);
    }

    /** Two Tusk connections (databases a and b), each with its XAResource. */
    @State(Scope.Thread)
    public static class TuskSide {
        io.tusk.Connection connA;
        io.tusk.Connection connB;
        TuskXAResource resA;
        TuskXAResource resB;

        @Setup(Level.Trial)
        public void open() {
            BenchTarget t = BenchTarget.fromSystemProperties();
            connA = t.tusk(false);
            connB = t.secondDatabase().tusk(false);
            resA = new TuskXAResource(connA);
            resB = new TuskXAResource(connB);
        }

        @TearDown(Level.Trial)
        public void close() {
            connA.close();
            connB.close();
            rollbackLeftovers();
        }
    }

    /**
     * Two JDBC XA connections (databases a and b), each with its resource and statement, from the
     * XADataSource of a subclass: pgjdbc's or Tusk's JDBC face, with the same code after that.
     */
    public abstract static class XaDataSourceSide {
        XAConnection xaA;
        XAConnection xaB;
        XAResource resA;
        XAResource resB;
        PreparedStatement psA;
        PreparedStatement psB;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            BenchTarget t = BenchTarget.fromSystemProperties();
            xaA = xaConnection(t);
            xaB = xaConnection(t.secondDatabase());
            resA = xaA.getXAResource();
            resB = xaB.getXAResource();
            psA = xaA.getConnection().prepareStatement(JDBC_SQL);
            psB = xaB.getConnection().prepareStatement(JDBC_SQL);
        }

        abstract XAConnection xaConnection(BenchTarget t) throws SQLException;

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            xaA.close();
            xaB.close();
            rollbackLeftovers();
        }
    }

    /** pgjdbc's {@link PGXADataSource}. */
    @State(Scope.Thread)
    public static class JdbcSide extends XaDataSourceSide {
        @Override
        XAConnection xaConnection(BenchTarget t) throws SQLException {
            PGXADataSource ds = new PGXADataSource();
            ds.setUrl(t.jdbcUrl());
            return ds.getXAConnection();
        }
    }

    /** Tusk's JDBC face: {@link TuskXADataSource}, the same URL but {@code jdbc:tusk:}. */
    @State(Scope.Thread)
    public static class TuskJdbcSide extends XaDataSourceSide {
        @Override
        XAConnection xaConnection(BenchTarget t) throws SQLException {
            TuskXADataSource ds = new TuskXADataSource();
            ds.setURL(t.tuskJdbcUrl());
            return ds.getXAConnection();
        }
    }

    @Benchmark
    public int tusk(TuskSide s) throws XAException {
        String gtrid = BenchXid.nextGtrid();
        Xid a = new BenchXid(gtrid, "a");
        Xid b = new BenchXid(gtrid, "b");
        s.resA.start(a, XAResource.TMNOFLAGS);
        s.connA.execute(TUSK_SQL, randomId());
        s.resB.start(b, XAResource.TMNOFLAGS);
        s.connB.execute(TUSK_SQL, randomId());
        s.resA.end(a, XAResource.TMSUCCESS);
        s.resB.end(b, XAResource.TMSUCCESS);
        int votes = expectOk(s.resA.prepare(a)) + expectOk(s.resB.prepare(b));
        s.resA.commit(a, false);
        s.resB.commit(b, false);
        return votes;
    }

    @Benchmark
    public int pgjdbc(JdbcSide s) throws XAException, SQLException {
        return jdbcCycle(s);
    }

    /** The same JDBC code as {@link #pgjdbc}, through Tusk's JDBC face. */
    @Benchmark
    public int tuskJdbc(TuskJdbcSide s) throws XAException, SQLException {
        return jdbcCycle(s);
    }

    private static int jdbcCycle(XaDataSourceSide s) throws XAException, SQLException {
        String gtrid = BenchXid.nextGtrid();
        Xid a = new BenchXid(gtrid, "a");
        Xid b = new BenchXid(gtrid, "b");
        s.resA.start(a, XAResource.TMNOFLAGS);
        s.psA.setInt(1, randomId());
        Checks.rows(s.psA.executeUpdate(), 1);
        s.resB.start(b, XAResource.TMNOFLAGS);
        s.psB.setInt(1, randomId());
        Checks.rows(s.psB.executeUpdate(), 1);
        s.resA.end(a, XAResource.TMSUCCESS);
        s.resB.end(b, XAResource.TMSUCCESS);
        int votes = expectOk(s.resA.prepare(a)) + expectOk(s.resB.prepare(b));
        s.resA.commit(a, false);
        s.resB.commit(b, false);
        return votes;
    }

    private static int expectOk(int vote) {
        if (vote != XAResource.XA_OK) {
            throw new IllegalStateException("prepare answered " + vote + " instead of XA_OK (0): the branch's "
                    + "UPDATE did not write, so this cycle did not measure a two-phase commit");
        }
        return 1;
    }

    /** Rolls back branches a failed trial left prepared, so that they hold no locks for the next benchmark. */
    static void rollbackLeftovers() {
        BenchTarget t = BenchTarget.fromSystemProperties();
        for (BenchTarget db : List.of(t, t.secondDatabase())) {
            try (java.sql.Connection c = db.jdbc(true); Statement st = c.createStatement()) {
                List<String> gids = new ArrayList<>();
                try (ResultSet rs = st.executeQuery(
                        "SELECT gid FROM pg_prepared_xacts WHERE database = current_database() AND gid LIKE '%bench-%'")) {
                    while (rs.next()) {
                        gids.add(rs.getString(1));
                    }
                }
                for (String gid : gids) {
                    st.execute("ROLLBACK PREPARED '" + gid.replace("'", "''") + "'");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not roll back the prepared branches left on " + db + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
