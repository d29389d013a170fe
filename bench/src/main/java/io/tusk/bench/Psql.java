package io.tusk.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code psql} as a process: the libpq baseline of the COPY benchmarks
 * ({@code psql -c 'COPY ... TO STDOUT' > /dev/null}, {@code psql -c 'COPY ... FROM STDIN' < file}).
 *
 * <pre>{@code Psql.run(target, "COPY wide TO STDOUT", null);}</pre>
 *
 * <p>The process start (a few milliseconds) is part of its time, as it is for a user of psql.
 */
public final class Psql {
    private Psql() {
    }

    /** The psql on PATH, or null when there is none (the launcher then leaves the psql benchmarks out). */
    public static Path find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, "psql");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Runs {@code sql} with psql; its standard input from {@code input} (or none), its output discarded. */
    public static void run(BenchTarget target, String sql, Path input) {
        ProcessBuilder pb = new ProcessBuilder(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql));
        pb.environment().putAll(target.libpqEnvironment());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.redirectInput(input == null ? ProcessBuilder.Redirect.from(new File("/dev/null")) : ProcessBuilder.Redirect.from(input.toFile()));
        try {
            int exit = pb.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("psql exited with " + exit + " for: " + sql);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start psql: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while psql ran " + sql, e);
        }
    }
}
