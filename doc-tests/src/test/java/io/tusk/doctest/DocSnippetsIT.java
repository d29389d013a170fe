package io.tusk.doctest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import io.tusk.testkit.PgServer;
import io.tusk.testkit.TestDatabase;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The documentation runs as written: every fenced {@code ```java} block of {@code README.md} and
 * of {@code docs/**}{@code /*.md} is compiled against the built jars (driver, xa, jca-adapter)
 * and, unless marked compile-only, run against the testkit's PostgreSQL in a database of its own.
 * A snippet that stops compiling or throws fails the build.
 *
 * <h2>The convention (also in README.md, "Tests and the server they use")</h2>
 * A snippet is a list of Java statements. It runs as the body of a method
 * {@code static void run(String conninfo) throws Throwable} that has opened
 * {@code Connection conn} (autocommit off) to a fresh, empty database. Imports: a snippet may show
 * its own {@code import} lines, and then gets only those; otherwise it gets {@code io.tusk.*} and
 * its public sub-packages ({@code adapt, async, conninfo, errors, pool, rows, sql, types, xa}) and
 * {@code java.io, java.math, java.time, java.util, java.util.concurrent, java.util.function,
 * java.util.stream}. Code from a line that starts with {@code static } (column 0) to the end of
 * the block is methods of the enclosing class, which the statements may call. A snippet that starts with an annotation or a {@code class}/{@code record}/
 * {@code interface}/{@code enum} declaration is a compilation unit, compiled as written.
 * The connection string given to {@code Tusk.connect}, {@code Tusk.connectAsync},
 * {@code ConnectionPool.builder}, {@code AsyncConnectionPool.builder} and
 * {@code new TuskXAConnectionSource} is replaced with the test database's.
 *
 * <p>An HTML comment on the line right before the fence (invisible on GitHub) adjusts this:
 * <pre>{@code
 * <!-- snippet
 * setup: CREATE TABLE items (id int PRIMARY KEY, name text)   (SQL run first, as superuser, in the snippet's database)
 * given: Cursor<Row> cur = conn.cursor();                      (Java statements before the snippet)
 * then: if (n != 1) throw new AssertionError(n);               (Java statements after it)
 * members: static void handle(Row r) {}                        (fields, methods, records of the enclosing class)
 * import: javax.transaction.TransactionManager                 (extra imports)
 * conn: none                                                   (the snippet opens its own connection)
 * -->
 * }</pre>
 * Each key may repeat; each occurrence is one line. {@code <!-- snippet: compile-only REASON -->}
 * (the reason is required: what the testkit cannot give) compiles without running;
 * {@code <!-- snippet: run -->} is the default. Blocks fenced as anything but {@code java}
 * ({@code ```text}, {@code ```sh}) are not checked.
 *
 * <p><b>Asynchronous snippets wait for what they start.</b> A statement of a runnable snippet
 * whose value is a {@code CompletionStage} that it drops (e.g. {@code pool.close();}) fails the
 * snippet, since nothing would see an error inside it: assign the stage and wait for it in a
 * {@code then:} line ({@code then: stage.toCompletableFuture().get(30, TimeUnit.SECONDS);}), or
 * chain it into a stage that is waited for. Only the snippet's own top-level statements are
 * checked (not lambdas, so {@code p.execute(...)} inside a pipeline's work is fine); a
 * {@code Flow.Subscriber} should complete a future that a {@code then:} line waits for.
 *
 * <p>All snippets are compiled in one javac task ({@link SnippetCompiler}; each has its own
 * package), and errors are reported per snippet at the documentation's lines.
 */
class DocSnippetsIT {

    private static final Path ROOT = Paths.get(System.getProperty("tusk.docs.root", "..")).toAbsolutePath().normalize();
    private static final Path WORK = Paths.get(System.getProperty("tusk.docs.work", "target/doc-snippets")).toAbsolutePath();
    /** What generated code reads where the documentation names a server. */
    static final String CONNINFO_PROPERTY = "tusk.doc.conninfo";
    /** The same database as a {@code jdbc:tusk:} URL, for the JDBC snippets. */
    static final String JDBC_URL_PROPERTY = "tusk.doc.jdbcurl";

    @Test
    void theDocumentationHasSnippets() throws IOException {
        List<Snippet> all = Snippet.all(ROOT);
        assertFalse(all.isEmpty(), "no ```java block found under " + ROOT);
        assertFalse(all.stream().noneMatch(s -> s.file().equals("README.md")), "README.md has no ```java block");
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompilesAndRuns() throws IOException {
        return Snippet.all(ROOT).stream().map(s -> DynamicTest.dynamicTest(
                s.name() + (s.runs() ? "" : " (compile-only: " + s.reason() + ")"), () -> check(s)));
    }

    private static SnippetCompiler compiled;
    private static final long[] NANOS = new long[5];   // compile, create database, setup, run, drop

    /** All snippets, compiled once (by the first dynamic test that needs them). */
    private static synchronized SnippetCompiler compiled() throws IOException {
        if (compiled == null) {
            long t0 = System.nanoTime();
            compiled = SnippetCompiler.compile(Snippet.all(ROOT), WORK);
            NANOS[0] += System.nanoTime() - t0;
        }
        return compiled;
    }

    @AfterAll
    static void timings() {
        System.out.printf(Locale.ROOT, "DocSnippetsIT: compile %d ms, create databases %d ms, setup %d ms, run %d ms, drop %d ms%n",
                NANOS[0] / 1_000_000, NANOS[1] / 1_000_000, NANOS[2] / 1_000_000, NANOS[3] / 1_000_000, NANOS[4] / 1_000_000);
    }

    private static void check(Snippet s) throws Exception {
        SnippetCompiler c = compiled();
        List<String> errors = c.errors(s);
        if (!errors.isEmpty()) {
            fail(s.name() + " does not compile or drops a stage (sources in " + WORK.resolve("src") + "):\n  " + String.join("\n  ", errors));
        }
        if (!s.runs()) {
            return;
        }
        PgServer server = PgServer.get();
        long t0 = System.nanoTime();
        TestDatabase db = server.newDatabase("doc_" + s.id());
        long created = System.nanoTime();
        NANOS[1] += created - t0;
        try {
            for (String sql : s.values("setup")) {
                db.admin().execute(sql);
            }
            long t1 = System.nanoTime();
            NANOS[2] += t1 - created;
            String conninfo = db.conninfo();
            System.setProperty(CONNINFO_PROPERTY, conninfo);
            System.setProperty(JDBC_URL_PROPERTY, "jdbc:tusk:" + db.jdbcUrl().substring("jdbc:postgresql:".length()));
            try (URLClassLoader loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, DocSnippetsIT.class.getClassLoader())) {
                Class<?> k = Class.forName(new SnippetSource(s).packageName + ".DocSnippet", true, loader);
                var run = k.getDeclaredMethod("run", String.class);
                run.setAccessible(true);
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                    try {
                        run.invoke(null, conninfo);
                    } catch (InvocationTargetException e) {
                        throw new AssertionError(s.name() + " threw " + e.getCause(), e.getCause());
                    }
                }, s.name() + " did not finish within 60 s");
            } finally {
                NANOS[3] += System.nanoTime() - t1;
            }
        } finally {
            long t2 = System.nanoTime();
            // dropDatabase rolls back the transactions still prepared in it.
            server.admin().dropDatabase(db.dbname());
            NANOS[4] += System.nanoTime() - t2;
        }
    }
}
