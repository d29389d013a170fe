package io.tusk.cli;

import io.tusk.Column;
import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.rows.Row;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tusk sql}: runs statements one after the other in autocommit mode and prints each
 * result set as psql does ({@code psql -c}): every value is PostgreSQL's own text output
 * ({@link RawText}). Statements without rows print their command tag ({@code INSERT 0 1}) — on
 * stderr for csv and json, so that stdout stays machine-readable. With {@code --format json}
 * stdout is one JSON document: the array of rows of the one result set, or, when the
 * statements return several, an array of those arrays.
 *
 * <p>Ctrl-C cancels the running statement on the server ({@link Interrupts}).
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
        Interrupts.install();
        try (Connection conn = db.connect(); Interrupts.Guard g = Interrupts.guard(conn)) {
            conn.setAutocommit(true);
            RawText.install(conn);
            JsonDocument doc = format == ResultWriter.Format.json ? new JsonDocument(out) : null;
            JsonType.Catalog catalog = new JsonType.Catalog(conn);
            try {
                for (String sql : statements) {
                    Interrupts.check();
                    try (Cursor<Row> cur = conn.execute(sql)) {
                        print(cur, format == ResultWriter.Format.table ? out : err, out, doc, catalog);
                    }
                }
            } finally {
                if (doc != null) {
                    doc.close(); // what completed stays one valid document, even after a failure
                }
            }
        }
        return 0;
    }

    private void print(Cursor<Row> cur, PrintWriter status, PrintWriter out, JsonDocument doc, JsonType.Catalog catalog) {
        do {
            List<Column> description = cur.description();
            if (description == null) {
                status.println(cur.statusmessage());
                status.flush();
                continue;
            }
            ResultWriter w = switch (format) {
                case csv -> new CsvWriter(out);
                case json -> new JsonWriter(doc.next(), catalog::of);
                default -> new TableWriter(out);
            };
            w.begin(description);
            List<String> values = new ArrayList<>(description.size());
            for (Row row; (row = cur.fetchone()) != null; ) {
                Interrupts.check();
                values.clear();
                for (int i = 0; i < description.size(); i++) {
                    Object v = row.get(i);
                    values.add(v == null ? null : v.toString()); // Strings: RawText loads every column as text
                }
                w.row(values);
            }
            w.end();
        } while (cur.nextset());
    }

    /**
     * One JSON document for all the result sets: the first is held back until it is known
     * whether another follows (then the document is an array of them); none gives {@code []}.
     */
    static final class JsonDocument {
        private final PrintWriter out;
        private StringWriter first;
        private int count;

        JsonDocument(PrintWriter out) {
            this.out = out;
        }

        /** Where the next result set's array goes. */
        PrintWriter next() {
            count++;
            if (count == 1) {
                first = new StringWriter();
                return new PrintWriter(first);
            }
            if (count == 2) {
                out.print("[\n");
                out.print(first);
                first = null;
            }
            out.print(",\n");
            return out;
        }

        void close() {
            if (count == 0) {
                out.print("[]");
            } else if (count == 1) {
                out.print(first);
            } else {
                out.print("\n]");
            }
            out.println();
            out.flush();
        }
    }
}
