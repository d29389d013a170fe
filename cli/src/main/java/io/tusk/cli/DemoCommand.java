package io.tusk.cli;

import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tusk demo}: the driver's tour ({@link Tour}) against a server of your own
 * ({@code --dsn}) or, without one, an embedded PostgreSQL started for the run and stopped at
 * exit (the binaries ship inside the CLI jar; they are unpacked once under
 * {@code ~/.cache/tusk}).
 *
 * <p>Example: {@code java -jar tusk-cli.jar demo} or {@code tusk demo --dsn "dbname=scratch"}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"A short tour of the driver: connect, parameters and types, a transaction with a savepoint, "
                + "COPY, LISTEN/NOTIFY, errors, two-phase commit and recovery, XA over two databases.",
                "Without --dsn it starts an embedded PostgreSQL (Linux x86-64) for the run."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--dsn", paramLabel = "CONNINFO",
            description = "Run against this server instead of an embedded one (creates and drops a table tusk_demo_orders).")
    String dsn;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Held so that the level set on it stays (JUL keeps loggers weakly). */
    private static final java.util.logging.Logger LAUNCHER_LOG = java.util.logging.Logger.getLogger("io.tusk.testkit");

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Interrupts.install(); // Ctrl-C cancels the tour's statement; the embedded server stops at exit
        String conninfo = dsn;
        String second = null;
        if (conninfo == null) {
            // The launcher's start-up report is for test logs; the demo prints its own line.
            LAUNCHER_LOG.setLevel(java.util.logging.Level.WARNING);
            if (System.getProperty("tusk.pg.workdir") == null) {
                System.setProperty("tusk.pg.workdir", workdir().toString());
            }
            out.println("Starting an embedded PostgreSQL (work files under " + System.getProperty("tusk.pg.workdir") + ")...");
            out.flush();
            long t = System.nanoTime();
            PgServer server = PgServer.get();
            TestDatabase db = server.sharedDatabase();
            out.printf("PostgreSQL %d is up in %.1f s; the tour connects with SCRAM over verified TLS.%n",
                    server.majorVersion(), (System.nanoTime() - t) / 1e9);
            String tls = " sslmode=verify-full sslrootcert=" + server.caFile();
            conninfo = db.conninfo(PgUsers.SCRAM) + tls;
            // The XA step's second database, where the demo's role may create its table.
            TestDatabase stock = server.newDatabase("demo_stock");
            stock.admin().execute("GRANT ALL ON SCHEMA public TO " + PgUsers.SCRAM);
            second = stock.conninfo(PgUsers.SCRAM) + tls;
        }
        new Tour(out, conninfo, second == null ? conninfo : second).run();
        return 0;
    }

    /** $XDG_CACHE_HOME/tusk or ~/.cache/tusk, else the temporary directory. */
    private static Path workdir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        Path dir = base.resolve("tusk").resolve("embedded-pg");
        try {
            Files.createDirectories(dir);
            return dir;
        } catch (java.io.IOException | SecurityException e) {
            return Path.of(System.getProperty("java.io.tmpdir"), "tusk-embedded-pg");
        }
    }
}
