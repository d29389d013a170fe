package io.tusk.cli;

import io.tusk.Column;
import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.rows.Row;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tusk sql}: runs statements one after the other in autocommit mode and prints each
 * result set (psql's {@code -c}); statements without rows print their command tag
 * ({@code INSERT 0 1}) — on stderr for csv and json, so that stdout stays machine-readable.
 *
 * <p>Example: {@code tusk sql --dsn "dbname=app" "SELECT id, name FROM items" --format csv}.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run SQL statements (each argument one statement, in autocommit) and print the results.")
final class SqlCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions db;

    @Parameters(arity = "1..*", paramLabel = "STATEMENT", description = "The statements to run, in order.")
    List<String> statements;

    @Option(names = {"-f", "--format"}, defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ResultWriter.Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Connection conn = db.connect()) {
            conn.setAutocommit(true);
            for (String sql : statements) {
                try (Cursor<Row> cur = conn.execute(sql)) {
                    print(cur, format == ResultWriter.Format.table ? out : err, out);
                }
            }
        }
        return 0;
    }

    private void print(Cursor<Row> cur, PrintWriter status, PrintWriter out) {
        do {
            List<Column> description = cur.description();
            if (description == null) {
                status.println(cur.statusmessage());
                status.flush();
                continue;
            }
            ResultWriter w = format.open(out);
            w.begin(description.stream().map(Column::name).toList());
            for (Row row; (row = cur.fetchone()) != null; ) {
                w.row(row.toList());
            }
            w.end();
        } while (cur.nextset());
    }
}
