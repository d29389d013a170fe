package io.tusk.doctest;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles every snippet in one javac task (each in its own package {@code snippets.<id>}, so they
 * cannot clash): starting javac once instead of once per snippet is what makes the check fast.
 * Errors are kept per snippet, at the documentation's lines. javac writes no class at all when
 * any file has an error, so the snippets that had none are compiled again in a second task.
 *
 * <p>After attribution, a statement of a runnable snippet whose value is a {@code CompletionStage}
 * that it drops is reported as an error too: nothing would wait for it, so a failure inside it
 * (or after the test database is gone) could not fail the test.
 */
final class SnippetCompiler {

    private record Unit(Snippet snippet, SnippetSource source, String fileName, Path path) { }

    private final Path classes;
    /** Snippet id to its messages; absent when it compiled. */
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    private SnippetCompiler(Path classes) {
        this.classes = classes;
    }

    Path classes() {
        return classes;
    }

    /** javac's messages (and dropped stages) for this snippet, at the documentation's lines; empty when it compiled. */
    List<String> errors(Snippet s) {
        return errors.getOrDefault(s.id(), List.of());
    }

    static SnippetCompiler compile(List<Snippet> all, Path work) throws IOException {
        SnippetCompiler c = new SnippetCompiler(Files.createDirectories(work.resolve("classes")));
        List<Unit> units = new ArrayList<>();
        for (Snippet s : all) {
            SnippetSource src = new SnippetSource(s);
            Path dir = Files.createDirectories(work.resolve("src").resolve(src.packageName.replace('.', '/')));
            for (Map.Entry<String, String> f : src.files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.writeString(p, f.getValue());
                units.add(new Unit(s, src, f.getKey(), p.toAbsolutePath().normalize()));
            }
        }
        if (!c.run(units)) {
            List<Unit> clean = units.stream().filter(u -> !c.errors.containsKey(u.snippet().id())).toList();
            if (!clean.isEmpty() && !c.run(clean)) {
                // Errors javac could not attribute to a file: every snippet of this pass failed.
                clean.stream().filter(u -> !c.errors.containsKey(u.snippet().id()))
                        .forEach(u -> c.errors.computeIfAbsent(u.snippet().id(), k -> new ArrayList<>())
                                .add("javac failed without an error in this snippet's sources"));
            }
        }
        return c;
    }

    /** One javac task over these files; true when it wrote the classes. */
    private boolean run(List<Unit> units) throws IOException {
        Map<Path, Unit> byPath = new LinkedHashMap<>();
        units.forEach(u -> byPath.put(u.path(), u));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            // should-stop.ifError=FLOW: attribute every file even after an error in one, so that each
            // snippet's errors are reported in this pass.
            List<String> options = List.of("--release", "17", "-proc:none", "-nowarn", "-XDshould-stop.ifError=FLOW",
                    "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
            JavacTask task = (JavacTask) javac.getTask(null, fm, diagnostics, options, null,
                    fm.getJavaFileObjectsFromPaths(byPath.keySet()));
            Iterable<? extends CompilationUnitTree> trees = task.parse();
            task.analyze();
            boolean failed = false;
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                failed = true;
                Unit u = d.getSource() == null ? null : byPath.get(Paths.get(d.getSource().toUri()).toAbsolutePath().normalize());
                if (u != null) {
                    error(u, d.getLineNumber(), d.getMessage(Locale.ROOT));
                }
            }
            for (CompilationUnitTree tree : trees) {
                Unit u = byPath.get(Paths.get(tree.getSourceFile().toUri()).toAbsolutePath().normalize());
                if (u != null && u.snippet().runs() && !errors.containsKey(u.snippet().id())) {
                    failed |= findDroppedStages(task, tree, u);
                }
            }
            if (failed) {
                return false;
            }
            task.generate();
            return diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
        }
    }

    private void error(Unit u, long line, String message) {
        int start = u.source().codeStart.getOrDefault(u.fileName(), -1);
        Snippet s = u.snippet();
        String where = start > 0 && line >= start ? s.file() + ":" + (s.line() + line - start + 1)
                : u.path() + ":" + line + " (generated around the snippet)";
        errors.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(where + ": " + message);
    }

    /** The statements of {@code DocSnippet.run} that come from the documentation and drop a stage; true if any. */
    private boolean findDroppedStages(JavacTask task, CompilationUnitTree unit, Unit u) {
        int start = u.source().codeStart.getOrDefault(u.fileName(), -1);
        if (!u.fileName().equals("DocSnippet.java") || start < 0) {
            return false;
        }
        Types types = task.getTypes();
        TypeMirror stage = types.erasure(task.getElements().getTypeElement("java.util.concurrent.CompletionStage").asType());
        Trees trees = Trees.instance(task);
        SourcePositions positions = trees.getSourcePositions();
        boolean found = false;
        for (StatementTree st : runStatements(unit)) {
            if (!(st instanceof ExpressionStatementTree es)) {
                continue;
            }
            long line = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, st));
            if (line < start || line > u.source().codeEnd) {
                continue;
            }
            TypeMirror t = trees.getTypeMirror(TreePath.getPath(unit, es.getExpression()));
            if (t != null && t.getKind() == TypeKind.DECLARED && types.isSubtype(types.erasure(t), stage)) {
                error(u, line, "this statement drops a CompletionStage: nothing waits for it, so an error inside it"
                        + " would not fail the test; assign it and wait for it (marker line"
                        + " `then: stage.toCompletableFuture().get(30, TimeUnit.SECONDS);`) or make it part of a stage that is waited for");
                found = true;
            }
        }
        return found;
    }

    /** The statements of the block that {@code run} opens (the try-with-resources of {@code conn}, or a plain block). */
    private static List<? extends StatementTree> runStatements(CompilationUnitTree unit) {
        for (Tree type : unit.getTypeDecls()) {
            if (!(type instanceof ClassTree c) || !c.getSimpleName().contentEquals("DocSnippet")) {
                continue;
            }
            for (Tree m : c.getMembers()) {
                if (m instanceof MethodTree method && method.getName().contentEquals("run") && method.getBody() != null
                        && !method.getBody().getStatements().isEmpty()) {
                    StatementTree first = method.getBody().getStatements().get(0);
                    if (first instanceof TryTree t) {
                        return t.getBlock().getStatements();
                    }
                    if (first instanceof BlockTree b) {
                        return b.getStatements();
                    }
                }
            }
        }
        return List.of();
    }
}
