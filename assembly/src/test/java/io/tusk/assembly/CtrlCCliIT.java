package io.tusk.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT sent to the tool's process, as a terminal does) cancels the statement on the
 * server, as psql does: the backend stops running it at once and the tool exits non-zero with
 * the server's {@code canceling statement due to user request}.
 */
@PgTest
class CtrlCCliIT {
    /**
     * The tool started so that SIGINT reaches it: a process inherits an ignored SIGINT (as
     * background jobs of a shell have it, and then the JVM cannot catch it), so a tiny Perl
     * wrapper restores the default before exec, as an interactive shell does.
     */
    private static Process start(Path stderr, String... args) throws IOException {
        Path perl = Path.of("/usr/bin/perl");
        assumeTrue(Files.isExecutable(perl), "needs /usr/bin/perl to start the tool with SIGINT not ignored");
        List<String> command = new ArrayList<>(List.of(perl.toString(), "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!",
                Cli.java().toString(), "-Xmx256m", "-jar", Cli.jar().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void sigint(Process p) throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -INT");
    }

    private static String active(TestDatabase db, String marker) {
        return db.admin().queryScalar("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%" + marker
                + "%' AND pid <> pg_backend_pid()");
    }

    private static void awaitActive(TestDatabase db, String marker, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!"1".equals(active(db, marker))) {
            assertTrue(p.isAlive(), "the tool ended before its statement ran");
            assertTrue(System.nanoTime() < deadline, "the statement never showed in pg_stat_activity");
            Thread.sleep(50);
        }
    }

    /** Waits up to a second for the statement to leave pg_stat_activity; the time it took, in ms. */
    private static long awaitGone(TestDatabase db, String marker) throws InterruptedException {
        long start = System.nanoTime();
        while (!"0".equals(active(db, marker))) {
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "the server still runs the statement a second after Ctrl-C");
            Thread.sleep(20);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Test
    void ctrlCCancelsTheRunningStatementOnTheServer(TestDatabase db, @TempDir Path dir) throws Exception {
        Path err = dir.resolve("err");
        String marker = "ctrl_c_sql_" + System.nanoTime();
        Process p = start(err, "sql", "--dsn", db.conninfo(PgUsers.TRUST), "SELECT pg_sleep(30) AS " + marker);
        awaitActive(db, marker, p);
        sigint(p);
        awaitGone(db, marker);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the tool exits once the server answered");
        assertNotEquals(0, p.exitValue());
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        // Two true reports of the same Ctrl-C race each other: the server's answer to the cancel request,
        // and the tool's own stop while reading stdin (the COPY is then aborted with CopyFail). Either way
        // the user is told the copy was canceled, and nothing is stored (below).
        assertTrue(stderr.contains("canceling statement due to user request") || stderr.contains("canceled by user (Ctrl-C)"),
                stderr);
    }

    @Test
    void ctrlCAbortsACopyAndNothingStaysLoaded(TestDatabase db, @TempDir Path dir) throws Exception {
        db.admin().execute("DROP TABLE IF EXISTS cli_ctrl_c; CREATE TABLE cli_ctrl_c (id int, name text);"
                + " GRANT ALL ON cli_ctrl_c TO " + PgUsers.TRUST);
        // A trigger that sleeps makes the COPY long enough to interrupt whatever the machine's speed.
        db.admin().execute("CREATE OR REPLACE FUNCTION cli_ctrl_c_slow() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN IF NEW.id = 100 THEN PERFORM pg_sleep(30); END IF; RETURN NEW; END $$;"
                + " CREATE TRIGGER slow BEFORE INSERT ON cli_ctrl_c FOR EACH ROW EXECUTE FUNCTION cli_ctrl_c_slow()");
        Path data = dir.resolve("rows.tsv");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            sb.append(i).append("\titem ").append(i).append('\n');
        }
        Files.writeString(data, sb);
        Path err = dir.resolve("err");
        Process p = start(err, "copy", "in", "--dsn", db.conninfo(PgUsers.TRUST), "cli_ctrl_c", data.toString());
        awaitActive(db, "COPY cli_ctrl_c", p);
        sigint(p);
        awaitGone(db, "COPY cli_ctrl_c");
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the tool exits once the server answered");
        assertNotEquals(0, p.exitValue());
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        // Two true reports of the same Ctrl-C race each other: the server's answer to the cancel request,
        // and the tool's own stop while reading stdin (the COPY is then aborted with CopyFail). Either way
        // the user is told the copy was canceled, and nothing is stored (below).
        assertTrue(stderr.contains("canceling statement due to user request") || stderr.contains("canceled by user (Ctrl-C)"),
                stderr);
        assertEquals("0", db.admin().queryScalar("SELECT count(*) FROM cli_ctrl_c"), "the aborted COPY left nothing behind");
    }
}
