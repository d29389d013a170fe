package io.tusk.bench;

import io.tusk.testkit.PgServer;
import io.tusk.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmark launcher ({@code bench/run}): starts ONE PostgreSQL for the whole run (the
 * testkit's embedded server, or the server of {@code TUSK_TEST_PG}), makes the tables, runs the
 * JMH benchmarks in forks that all point at that server, and prints one table.
 *
 * <pre>{@code
 * java -cp ... io.tusk.bench.BenchMain                 # the full run (~15 min on 2 cores)
 * java -cp ... io.tusk.bench.BenchMain --quick         # a smoke run (~3 min)
 * java -cp ... io.tusk.bench.BenchMain --only FetchWide.tuskText --prof stack
 * }</pre>
 *
 * <p>Options: {@code --quick}; {@code --only REGEX} (repeatable, JMH's include pattern);
 * {@code --prof NAME[:OPTIONS]} (repeatable, any JMH profiler: {@code stack}, {@code jfr});
 * {@code --out DIR} (where the JSON results, the table and the COPY input go; default
 * {@code bench/target}). Allocation per operation ({@code -prof gc}) is always on.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws IOException, RunnerException {
        boolean quick = false;
        List<String> only = new ArrayList<>();
        List<String> profilers = new ArrayList<>();
        Path out = Path.of("bench/target");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> only.add(value(args, ++i, "--only"));
                case "--prof" -> profilers.add(value(args, ++i, "--prof"));
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "-h", "--help" -> {
                    System.out.println("usage: bench/run [--quick] [--only REGEX]... [--prof NAME[:OPTS]]... [--out DIR]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + ": use --quick, --only REGEX, --prof NAME[:OPTS] or --out DIR");
            }
        }
        Files.createDirectories(out);

        PgServer pg = PgServer.get();
        TestDatabase db = pg.newDatabase("bench");
        // The second branch of XaCycle's two-database XA transaction lives here, made the same way.
        TestDatabase db2 = pg.newDatabase("bench_b");
        BenchTarget target = BenchTarget.fromConninfo(db.conninfo()).withSecondDatabase(db2.dbname());
        try {
            run(target, pg, quick, only, profilers, out);
        } finally {
            pg.admin().dropDatabase(db.dbname());
            pg.admin().dropDatabase(db2.dbname());
        }
    }

    private static void run(BenchTarget target, PgServer pg, boolean quick, List<String> only, List<String> profilers,
                            Path out) throws IOException, RunnerException {
        Path psql = Psql.find();
        String server = "PostgreSQL " + Fixtures.serverVersion(target) + (pg.isEmbedded() ? " (embedded, testkit)" : " (TUSK_TEST_PG)")
                + " at " + target;
        List<String> header = Machine.describe(server, org.postgresql.util.DriverInfo.DRIVER_VERSION + ", vertx-pg-client " + vertxVersion(),
                psql == null ? "not on PATH (psql lines skipped)" : psqlVersion(psql));
        header.forEach(System.out::println);

        long t0 = System.nanoTime();
        Fixtures.create(target);
        Fixtures.createXa(target.secondDatabase());
        Path copyFile = out.resolve("wide.tsv").toAbsolutePath();
        Fixtures.dumpWide(target, copyFile);
        System.out.printf("fixtures ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        List<String> jvmArgs = new ArrayList<>(target.jvmArgs(out.toAbsolutePath()));
        jvmArgs.add("-Dtusk.bench.copyFile=" + copyFile);
        jvmArgs.add("-Xms2g");
        jvmArgs.add("-Xmx2g");

        ChainedOptionsBuilder ob = new OptionsBuilder()
                .jvmArgsAppend(jvmArgs.toArray(new String[0]))
                .addProfiler(GCProfiler.class)
                .addProfiler(CpuTimeProfiler.class)
                .shouldFailOnError(false)
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("jmh-result.json").toString())
                .output(out.resolve("jmh.log").toString());
        if (only.isEmpty()) {
            ob.include("io\\.tusk\\.bench\\.");
        } else {
            only.forEach(ob::include);
        }
        if (psql == null) {
            ob.exclude("\\.psql$");
        }
        for (String p : profilers) {
            int colon = p.indexOf(':');
            if (colon < 0) {
                ob.addProfiler(p);
            } else {
                ob.addProfiler(p.substring(0, colon), p.substring(colon + 1));
            }
        }
        if (quick) {
            ob.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(1));
        }
        System.out.println("running the benchmarks; JMH's log: " + out.resolve("jmh.log") + " (tail -f it to follow)");
        Collection<RunResult> results = new Runner(ob.build()).run();
        System.out.printf("benchmarks done in %.1f min%n", (System.nanoTime() - t0) / 60e9);

        Map<String, ResultTable.Measurement> m = ResultTable.measurements(results);
        StringBuilder report = new StringBuilder();
        header.forEach(l -> report.append(l).append('\n'));
        report.append("- load average at end: ").append(Machine.loadAverage()).append('\n');
        report.append("- JMH ").append(quick ? "--quick: 1 warmup x 1 s, 2 x 1 s" : "per class: see @Warmup/@Measurement")
                .append(", 1 fork, -Xms2g -Xmx2g, -prof gc, CPU time per op of the benchmark JVM\n\n");
        report.append(ResultTable.render(Scenario.ALL, m));
        Files.writeString(out.resolve("bench-table.md"), report);
        System.out.println();
        System.out.println(report);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** The vertx-pg-client on the class path (AsyncPointSelect's rival), from its Maven metadata. */
    static String vertxVersion() {
        try (java.io.InputStream in = BenchMain.class.getResourceAsStream("/META-INF/maven/io.vertx/vertx-pg-client/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String psqlVersion(Path psql) {
        try {
            Process p = new ProcessBuilder(psql.toString(), "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return v;
        } catch (IOException e) {
            return psql + " (version unknown: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return psql.toString();
        }
    }
}
