package io.tusk.cli;

import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tusk xa}: the operator's tool for in-doubt two-phase transactions — those left
 * prepared ({@code PREPARE TRANSACTION}) by a transaction manager that crashed or lost its log.
 * They hold locks and stop VACUUM until someone commits or rolls them back.
 *
 * <pre>{@code
 * tusk xa list --dsn "host=db user=postgres" --older-than 10m
 * tusk xa commit --dsn "host=db user=postgres" 42_b3JkZXItMTIzNA==_ZGItMQ==
 * tusk xa rollback --dsn "host=db user=postgres" --all --older-than 1h --yes
 * }</pre>
 */
@Command(name = "xa", mixinStandardHelpOptions = true,
        description = "List, commit or roll back prepared (in-doubt) two-phase transactions.",
        subcommands = {XaListCommand.class, XaFinishCommand.Commit.class, XaFinishCommand.Rollback.class})
final class XaCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say which: tusk xa list|commit|rollback");
    }

    /** The options every xa subcommand has: which transactions, and JSON for scripts. */
    static final class Selection {
        @Option(names = "--older-than", paramLabel = "AGE", converter = Durations.class,
                description = "Only transactions prepared longer ago than AGE (e.g. 90s, 10m, 2h, 1d).")
        Duration olderThan;

        @Option(names = "--json", description = "Print JSON (for scripts) instead of a table.")
        boolean json;

        List<PreparedXact> filter(List<PreparedXact> all) {
            return olderThan == null ? all : all.stream().filter(x -> x.age().compareTo(olderThan) > 0).toList();
        }
    }
}
