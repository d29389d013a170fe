package io.tusk.cli;

import io.tusk.Connection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tusk xa commit} and {@code tusk xa rollback}: finish one prepared transaction by its id,
 * or all of those listed (after a confirmation read from stdin, or {@code --yes}). Each runs
 * {@code COMMIT PREPARED} / {@code ROLLBACK PREPARED} in the transaction's own database, as
 * PostgreSQL requires, connecting there with the same DSN when it is another one.
 *
 * <p>Example: {@code tusk xa rollback --dsn "user=postgres" --all --older-than 1h --yes}.
 */
abstract class XaFinishCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions db;

    @Mixin
    XaCommand.Selection selection;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "The transaction id as 'tusk xa list' shows it (its id column).")
    String id;

    @Option(names = "--all", description = "Every transaction listed (with --older-than: only those).")
    boolean all;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation with --all.")
    boolean yes;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** True to commit, false to roll back. */
    abstract boolean commit();

    private String verb() {
        return commit() ? "commit" : "roll back";
    }

    @Override
    public Integer call() throws IOException {
        if ((id == null) == !all) {
            throw new ParameterException(spec.commandLine(), "give either one transaction ID or --all");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Connection conn = db.connect()) {
            conn.setAutocommit(true);
            List<PreparedXact> targets = selection.filter(PreparedXact.list(conn));
            if (id != null) {
                targets = targets.stream().filter(x -> x.gid().equals(id)).toList();
                if (targets.isEmpty()) {
                    throw new CliException("no prepared transaction with id '" + id + "'"
                            + (selection.olderThan != null ? " older than " + Durations.format(selection.olderThan) : "")
                            + " on this server: 'tusk xa list' shows the ids");
                }
            } else if (targets.isEmpty()) {
                if (selection.json) {
                    out.println("[]");
                } else {
                    out.println("no prepared transactions to " + verb());
                }
                out.flush();
                return 0;
            } else if (!yes && !confirm(targets)) {
                throw new CliException("nothing done: not confirmed (answer 'y', or pass --yes)");
            }
            return finish(conn, targets, out);
        }
    }

    private boolean confirm(List<PreparedXact> targets) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        XaTable.print(err, targets, false);
        err.print(verb().substring(0, 1).toUpperCase(Locale.ROOT) + verb().substring(1) + " these " + targets.size()
                + " prepared transaction" + (targets.size() == 1 ? "" : "s") + "? [y/N] ");
        err.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        String answer = in.readLine();
        return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
    }

    private int finish(Connection conn, List<PreparedXact> targets, PrintWriter out) {
        String here = conn.info().dbname();
        List<Map<String, Object>> report = new ArrayList<>();
        int failures = 0;
        for (PreparedXact x : targets) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", x.gid());
            r.put("action", commit() ? "commit" : "rollback");
            try {
                if (x.database().equals(here)) {
                    end(conn, x);
                } else {
                    try (Connection there = db.connectTo(x.database())) {
                        there.setAutocommit(true);
                        end(there, x);
                    }
                }
                r.put("ok", true);
                if (!selection.json) {
                    out.println((commit() ? "committed " : "rolled back ") + x.gid() + " (gtrid " + x.gtridText()
                            + ", database " + x.database() + ")");
                }
            } catch (RuntimeException e) {
                failures++;
                r.put("ok", false);
                r.put("error", Failures.describe(e));
                spec.commandLine().getErr().println("tusk: could not " + verb() + " " + x.gid() + ": " + Failures.describe(e));
            }
            report.add(r);
        }
        if (selection.json) {
            out.println(JsonWriter.value(report));
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return failures == 0 ? 0 : TuskCommand.FAILED;
    }

    private void end(Connection conn, PreparedXact x) {
        if (commit()) {
            conn.tpcCommit(x.xid());
        } else {
            conn.tpcRollback(x.xid());
        }
    }

    @Command(name = "commit", mixinStandardHelpOptions = true,
            description = "Commit a prepared transaction (COMMIT PREPARED), or all listed with --all.")
    static final class Commit extends XaFinishCommand {
        @Override
        boolean commit() {
            return true;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Roll back a prepared transaction (ROLLBACK PREPARED), or all listed with --all.")
    static final class Rollback extends XaFinishCommand {
        @Override
        boolean commit() {
            return false;
        }
    }
}
