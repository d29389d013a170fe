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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
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
 */
class DocSnippetsIT {

    private static final Path ROOT = Paths.get(System.getProperty("tusk.docs.root", "..")).toAbsolutePath().normalize();
    private static final Path WORK = Paths.get(System.getProperty("tusk.docs.work", "target/doc-snippets")).toAbsolutePath();
    /** What generated code reads where the documentation names a server. */
    static final String CONNINFO_PROPERTY = "tusk.doc.conninfo";

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

    private static void check(Snippet s) throws Exception {
        Path classes = compile(s);
        if (!s.runs()) {
            return;
        }
        PgServer server = PgServer.get();
        TestDatabase db = server.newDatabase("doc_" + s.id());
        try {
            for (String sql : s.values("setup")) {
                db.admin().execute(sql);
            }
            String conninfo = db.conninfo();
            System.setProperty(CONNINFO_PROPERTY, conninfo);
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, DocSnippetsIT.class.getClassLoader())) {
                Class<?> c = Class.forName(new SnippetSource(s).packageName + ".DocSnippet", true, loader);
                var run = c.getDeclaredMethod("run", String.class);
                run.setAccessible(true);
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                    try {
                        run.invoke(null, conninfo);
                    } catch (InvocationTargetException e) {
                        throw new AssertionError(s.name() + " threw " + e.getCause(), e.getCause());
                    }
                }, s.name() + " did not finish within 60 s");
            }
        } finally {
            for (String gid : db.admin().queryColumn("SELECT gid FROM pg_prepared_xacts WHERE database = current_database()")) {
                db.admin().execute("ROLLBACK PREPARED '" + gid.replace("'", "''") + "'");
            }
            server.admin().dropDatabase(db.dbname());
        }
    }

    /** Compiles the snippet's sources into their own directory; fails with javac's messages at the documentation's lines. */
    private static Path compile(Snippet s) throws IOException {
        SnippetSource src = new SnippetSource(s);
        Path dir = WORK.resolve(s.id());
        Path sources = dir.resolve("src").resolve(src.packageName.replace('.', '/'));
        Path classes = dir.resolve("classes");
        Files.createDirectories(sources);
        Files.createDirectories(classes);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> f : src.files.entrySet()) {
            Path p = sources.resolve(f.getKey());
            Files.writeString(p, f.getValue());
            files.add(p);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-nowarn",
                    "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                StringBuilder msg = new StringBuilder(s.name() + " does not compile (sources in " + sources + "):");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() != Diagnostic.Kind.ERROR) {
                        continue;
                    }
                    String file = Paths.get(d.getSource().toUri()).getFileName().toString();
                    int start = src.codeStart.getOrDefault(file, -1);
                    long line = d.getLineNumber();
                    String where = start > 0 && line >= start ? s.file() + ":" + (s.line() + line - start + 1)
                            : file + ":" + line + " (generated around the snippet)";
                    msg.append("\n  ").append(where).append(": ").append(d.getMessage(Locale.ROOT));
                }
                fail(msg.toString());
            }
        }
        return classes;
    }
}
