package io.tusk.assembly;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built {@code tusk-cli.jar} as a user does, {@code java -jar tusk-cli.jar ...}, in a
 * process of its own, and collects its exit code, stdout and stderr.
 *
 * <p>Example: {@code Cli.Result r = Cli.run("sql", "--dsn", dsn, "SELECT 1"); assertEquals(0, r.exit());}
 */
final class Cli {
    /** What a run left: its exit code and both output streams. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    private Cli() {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("tusk.cli.jar", "target/tusk-cli.jar"));
        assertTrue(Files.isRegularFile(jar), "the build should have made " + jar);
        return jar;
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static Result run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs the tool with {@code stdin} as its standard input (null: none, closed at once). */
    static Result runWithInput(String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(java().toString(), "-Xmx256m",
                // An embedded server started by `demo` shares the build's unpacked binaries.
                "-Dtusk.pg.workdir=" + System.getProperty("tusk.pg.workdir", "target/tusk-pg"),
                "-jar", jar().toString()));
        command.addAll(List.of(args));
        return exec(command, stdin);
    }

    static Result exec(List<String> command, String stdin) {
        try {
            Process p = new ProcessBuilder(command).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after 120 s: " + command);
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(could not read: " + e + ")";
        }
    }
}
