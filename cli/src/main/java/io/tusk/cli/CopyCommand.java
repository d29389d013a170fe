package io.tusk.cli;

import io.tusk.Connection;
import io.tusk.errors.DatabaseException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tusk copy in|out}: loads a file into a table or dumps a table into a file with
 * PostgreSQL's COPY (psql's {@code \copy}), showing rows, bytes and rows/s as it goes.
 *
 * <pre>{@code
 * tusk copy in  --dsn "dbname=app" items items.csv --csv --header
 * tusk copy out --dsn "dbname=app" "public.items (id, name)" - > items.tsv
 * }</pre>
 *
 * <p>TABLE is written as in SQL: {@code items}, {@code app.items}, {@code "Items" (id, name)}.
 * The default format is COPY's text format (tab-separated, {@code \N} for NULL).
 */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = "Copy a file into a table (in) or a table into a file (out) with COPY.",
        subcommands = {CopyCommand.In.class, CopyCommand.Out.class})
final class CopyCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say which: tusk copy in|out");
    }

    /** What both directions share: the connection, the table, the file and the format. */
    abstract static class Direction implements Callable<Integer> {
        @Mixin
        ConnectionOptions db;

        @Parameters(index = "0", paramLabel = "TABLE", description = "The table, as in SQL, optionally with a column list.")
        String table;

        @Parameters(index = "1", paramLabel = "FILE", description = "The file ('-' for stdin/stdout).")
        String file;

        @Option(names = "--csv", description = "CSV instead of COPY's text format.")
        boolean csv;

        @Option(names = "--header", description = "With --csv: the file has (or gets) a header line.")
        boolean header;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        String options() {
            if (!csv) {
                return "";
            }
            return header ? " (FORMAT csv, HEADER true)" : " (FORMAT csv)";
        }

        boolean stdio() {
            return "-".equals(file);
        }

        /** The summary goes to stdout, unless the data does. */
        void summary(String verb, long rows, long bytes, Progress progress) {
            PrintWriter w = stdio() ? spec.commandLine().getErr() : spec.commandLine().getOut();
            double seconds = progress.elapsedNanos() / 1e9;
            w.println(String.format(Locale.ROOT, "%s %,d rows (%s) in %.1f s", verb, rows, Progress.size(bytes), seconds));
            w.flush();
        }

        Progress progress() {
            // stderr only: with '-' the data itself goes to stdout
            return new Progress(spec.commandLine().getErr(), System.console() != null);
        }

        /** What the user calls the data: the file as given, or stdin/stdout for '-'. */
        String source(String stdio) {
            return stdio() ? stdio : file;
        }

        /**
         * Runs the COPY, cancelled on the server at Ctrl-C ({@link Interrupts}); a server error
         * about the data names the line of the file and the column ({@link CopyErrors}).
         */
        long run(Connection conn, CopyAction action, String stdio) throws IOException {
            try (Interrupts.Guard g = Interrupts.guard(conn)) {
                return action.run();
            } catch (DatabaseException e) {
                throw CopyErrors.locate(e, source(stdio), csv && header);
            }
        }
    }

    /** The COPY itself, as the direction runs it. */
    interface CopyAction {
        long run() throws IOException;
    }

    @Command(name = "in", mixinStandardHelpOptions = true, description = "Copy FILE into TABLE (COPY ... FROM STDIN).")
    static final class In extends Direction {
        @Override
        public Integer call() throws IOException {
            Path path = stdio() ? null : Path.of(file);
            if (path != null) {
                Files.size(path); // fails early, naming the file, when it is missing
            }
            Progress progress = progress();
            long rows;
            CountingStreams.Counted in;
            try (Connection conn = db.connect();
                 InputStream raw = path == null ? System.in : Files.newInputStream(path)) {
                conn.setAutocommit(true);
                in = CountingStreams.in(new BufferedInputStream(raw, 1 << 16), progress);
                CountingStreams.Counted counted = in;
                rows = run(conn, () -> conn.copyExpert("COPY " + table + " FROM STDIN" + options(), counted.stream()), "stdin");
            } finally {
                progress.done();
            }
            summary("copied in", rows, in.bytes(), progress);
            return 0;
        }
    }

    @Command(name = "out", mixinStandardHelpOptions = true, description = "Copy TABLE into FILE (COPY ... TO STDOUT).")
    static final class Out extends Direction {
        @Override
        public Integer call() throws IOException {
            Path path = stdio() ? null : Path.of(file);
            Progress progress = progress();
            long rows;
            CountingStreams.CountedOut out;
            try (Connection conn = db.connect()) {
                conn.setAutocommit(true);
                OutputStream raw = path == null ? System.out : Files.newOutputStream(path);
                try (OutputStream buffered = new BufferedOutputStream(raw, 1 << 16)) {
                    out = CountingStreams.out(buffered, progress);
                    CountingStreams.CountedOut counted = out;
                    rows = run(conn, () -> conn.copyExpert("COPY " + table + " TO STDOUT" + options(), counted.stream()), "stdout");
                } finally {
                    progress.done();
                }
            }
            summary("copied out", rows, out.bytes(), progress);
            return 0;
        }
    }
}
