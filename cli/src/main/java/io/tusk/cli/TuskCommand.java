package io.tusk.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code tusk} command: the driver's tour ({@code demo}), psql-like statements
 * ({@code sql}), the operator's tool for in-doubt two-phase transactions ({@code xa}) and bulk
 * loads ({@code copy}).
 *
 * <pre>{@code
 * java -jar tusk-cli.jar demo
 * java -jar tusk-cli.jar sql --dsn "host=db dbname=app" "SELECT now()" --format json
 * java -jar tusk-cli.jar xa list --dsn "host=db" --older-than 10m
 * }</pre>
 *
 * <p>Exit codes: 0 done, 1 failed (connection, SQL error, unknown id, a declined confirmation),
 * 2 wrong usage, 130 a second Ctrl-C. A failure prints one line on stderr; {@code --verbose} adds the stack trace.
 */
@Command(name = "tusk", mixinStandardHelpOptions = true, versionProvider = TuskCommand.Version.class,
        description = "Tusk, a PostgreSQL driver for Java: its tour and operator tools.",
        subcommands = {DemoCommand.class, SqlCommand.class, XaCommand.class, CopyCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Connection strings (--dsn) are libpq's: key=value pairs or postgresql:// URIs; "
                + "PG* environment variables, ~/.pgpass and service files apply. Without --dsn, the PG* variables alone."})
public final class TuskCommand implements Runnable {
    /** Exit code of a failure: a connection, SQL or input error. */
    public static final int FAILED = 1;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print the stack trace of a failure, not only its message.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // `tusk` alone: what can it do?
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with Tusk's error handling, ready to execute. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TuskCommand());
        cl.setExecutionExceptionHandler(TuskCommand::failure);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** One line per failure (the fix is in the message), the stack trace only with --verbose. */
    private static int failure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean verbose = parsed.matchedOption("--verbose") != null || parsedVerbose(parsed);
        err.println("tusk: " + Failures.describe(e));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }

    private static boolean parsedVerbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.matchedOption("--verbose") != null) {
                return true;
            }
        }
        return false;
    }

    /** The version from the jar's manifest (the build writes it), or "development" from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = TuskCommand.class.getPackage().getImplementationVersion();
            return new String[] {"tusk " + (v == null ? "(development build)" : v)};
        }
    }
}
