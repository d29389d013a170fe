package io.tusk.jdbc.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.FreshDatabase;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The JDBC contract: every behaviour of the catalogue runs the same JDBC code through pgjdbc and
 * through Tusk's JDBC face, on the same server and database, and both must observe the same thing.
 * A summary (how many agree, and each difference) is printed at the end and written to
 * {@code target/jdbc-contract.txt}.
 */
@PgTest
@FreshDatabase
class JdbcContractIT {
    /** A behaviour that has not answered by then is stuck (e.g. a query timeout not honoured). */
    private static final long TIMEOUT_SECONDS = 15;

    private static Driver pg;
    private static Driver tusk;
    private static Connection witness;
    private static final List<Result> RESULTS = new ArrayList<>();
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "contract-probe");
        t.setDaemon(true);
        return t;
    });

    private record Outcome(String observation, Throwable thrown) {
    }

    private record Result(Behaviour behaviour, String pgjdbc, String tusk, boolean agree) {
    }

    static List<Behaviour> catalogue() {
        Catalog k = new Catalog();
        ConnectionBehaviours.add(k);
        StatementBehaviours.add(k);
        PreparedStatementBehaviours.add(k);
        ResultSetBehaviours.add(k);
        MetaDataBehaviours.add(k);
        CallableAndErrorBehaviours.add(k);
        return k.all;
    }

    @TestFactory
    Stream<DynamicTest> sameAnswersFromBothDrivers(TestDatabase db) throws Exception {
        // The drivers connect as an ordinary role; fixtures are made by that role through pgjdbc.
        db.admin().execute("GRANT ALL ON SCHEMA public TO PUBLIC");
        db.admin().execute("GRANT CREATE ON DATABASE \"" + db.dbname() + "\" TO PUBLIC");
        String where = "//" + db.host() + ":" + db.port() + "/" + db.dbname() + "?user=" + PgUsers.TRUST + "&sslmode=disable";
        pg = new Driver("pg", "jdbc:postgresql:" + where);
        tusk = new Driver("tusk", "jdbc:tusk:" + where);
        witness = DriverManager.getConnection(pg.url);
        Fixtures.create(witness);
        return catalogue().stream().map(b -> DynamicTest.dynamicTest(b.title(), () -> check(b)));
    }

    private static void check(Behaviour b) {
        Outcome p = observe(b, pg);
        Outcome t = observe(b, tusk);
        String reference = b.tuskExpected != null ? b.tuskExpected : p.observation();
        boolean agree = reference.equals(t.observation())
                && (b.tuskThrows == null || b.tuskThrows.isInstance(t.thrown()));
        RESULTS.add(new Result(b, p.observation(), t.observation(), agree));
        if (b.expected != null) {
            assertEquals(b.expected, p.observation(), b.title() + ": pgjdbc (the reference) itself observed something else");
        }
        assertEquals(reference, t.observation(), b.title() + (b.tuskExpected != null ? ": Tusk's JDBC differs from its stated answer"
                : ": Tusk's JDBC differs from pgjdbc"));
        if (b.tuskThrows != null) {
            assertTrue(b.tuskThrows.isInstance(t.thrown()), b.title() + ": Tusk should throw " + b.tuskThrows.getSimpleName()
                    + " but threw " + t.thrown());
        }
    }

    private static Outcome observe(Behaviour b, Driver d) {
        Future<Outcome> f = RUNNER.submit(() -> run(b, d));
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            d.dropShared();
            return new Outcome("TIMEOUT after " + TIMEOUT_SECONDS + " s", null);
        } catch (Exception e) {
            return new Outcome("Runner failed: " + e, e);
        }
    }

    private static Outcome run(Behaviour b, Driver d) {
        Connection c = null;
        Ctx x = null;
        try {
            c = b.fresh ? d.open() : d.shared();
            x = new Ctx(d, c, witness);
            return new Outcome(Obs.render(b.probe.run(x)), null);
        } catch (Throwable e) {
            return new Outcome(Obs.error(e), e);
        } finally {
            if (x != null) {
                x.closeAll();
            }
            if (b.fresh) {
                Driver.quietlyClose(c);
            } else {
                d.resetShared();
            }
        }
    }

    @AfterAll
    static void summary() throws IOException {
        if (pg != null) {
            pg.dropShared();
            tusk.dropShared();
        }
        Driver.quietlyClose(witness);
        long agree = RESULTS.stream().filter(Result::agree).count();
        StringBuilder s = new StringBuilder();
        s.append("JDBC contract: ").append(RESULTS.size()).append(" behaviours, ").append(agree)
                .append(" agree, ").append(RESULTS.size() - agree).append(" differ\n");
        Map<String, long[]> perGroup = new LinkedHashMap<>();
        for (Result r : RESULTS) {
            long[] n = perGroup.computeIfAbsent(r.behaviour().group, g -> new long[2]);
            n[0] += r.agree() ? 1 : 0;
            n[1]++;
        }
        perGroup.forEach((g, n) -> s.append("  ").append(g).append(": ").append(n[0]).append('/').append(n[1]).append(" agree\n"));
        Map<String, List<Result>> byGroup = new LinkedHashMap<>();
        for (Result r : RESULTS) {
            if (!r.agree()) {
                byGroup.computeIfAbsent(r.behaviour().group, g -> new ArrayList<>()).add(r);
            }
        }
        byGroup.forEach((g, rs) -> {
            s.append("== ").append(g).append(" (").append(rs.size()).append(" differ)\n");
            for (Result r : rs) {
                s.append("- ").append(r.behaviour().name).append("\n    pgjdbc: ").append(r.pgjdbc())
                        .append("\n    tusk:   ").append(r.tusk());
                if (r.behaviour().tuskExpected != null) {
                    s.append("\n    (Tusk on purpose: ").append(r.behaviour().tuskExpected).append(')');
                }
                if (r.behaviour().tuskThrows != null) {
                    s.append("\n    (Tusk must throw ").append(r.behaviour().tuskThrows.getSimpleName()).append(')');
                }
                s.append('\n');
            }
        });
        System.out.println(s);
        Files.writeString(Path.of("target", "jdbc-contract.txt"), s, StandardCharsets.UTF_8);
    }
}
