package io.tusk.testkit.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the PostgreSQL programs the way this machine allows: directly, or under
 * {@code unshare -U} when the JVM runs as root.
 *
 * <p>Example: {@code OsProcesses.command(bin.resolve("initdb"), "-D", data)}.
 *
 * <p>initdb and postgres refuse to run as root. In a new user namespace ({@code unshare -U},
 * util-linux) the process has the overflow uid 65534 and sees files it owns with that uid too,
 * so PostgreSQL's ownership checks on the data directory and key files pass without a second
 * system account.
 */
public final class OsProcesses {
    private static final boolean ROOT = new com.sun.security.auth.module.UnixSystem().getUid() == 0;

    private OsProcesses() {
    }

    /** True when the JVM runs as root (uid 0). */
    public static boolean isRoot() {
        return ROOT;
    }

    /** The command line for a PostgreSQL program, prefixed with {@code unshare -U} when running as root. */
    public static List<String> command(Path program, String... args) {
        List<String> cmd = new ArrayList<>();
        if (ROOT) {
            cmd.add(unshare());
            cmd.add("-U");
        }
        cmd.add(program.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String unshare() {
        for (String candidate : List.of("/usr/bin/unshare", "/bin/unshare", "/usr/sbin/unshare")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("PostgreSQL refuses to run as root and 'unshare' (util-linux) was not found "
                + "to run it in a user namespace: install util-linux, run the build as another user, or set "
                + "TUSK_TEST_PG to use an existing server");
    }

    /** A process builder with the environment cleaned of PG* variables that could redirect the programs. */
    public static ProcessBuilder builder(List<String> command, Path log) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        pb.environment().put("LC_ALL", "C");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb;
    }

    /** Runs a command to completion (output appended to {@code log}); returns the exit code. */
    public static int run(List<String> command, Path log, long timeoutSeconds) throws IOException, InterruptedException {
        Process p = builder(command, log).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        return p.exitValue();
    }

    /**
     * Sends SIGINT: PostgreSQL's "fast shutdown" (rolls back open transactions, disconnects
     * clients), unlike SIGTERM, which waits for every client to leave (server-shutdown docs).
     */
    public static void interrupt(long pid) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops a server process: fast shutdown, then SIGKILL if it is still there after {@code graceSeconds}. */
    public static void stop(ProcessHandle process, long graceSeconds) {
        if (!process.isAlive()) {
            return;
        }
        interrupt(process.pid());
        try {
            process.onExit().get(graceSeconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }
}
