package io.tusk.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints one result set, row by row, in the format {@code --format} chose: an aligned table as
 * psql prints it, CSV (RFC 4180) or a JSON array of objects.
 *
 * <p>Example: {@code ResultWriter w = ResultWriter.Format.CSV.open(out); w.begin(cols); w.row(values); w.end();}
 */
interface ResultWriter {
    /** The output formats of {@code --format}. */
    enum Format {
        table, csv, json;

        ResultWriter open(PrintWriter out) {
            switch (this) {
                case csv:
                    return new CsvWriter(out);
                case json:
                    return new JsonWriter(out);
                default:
                    return new TableWriter(out);
            }
        }
    }

    void begin(List<String> columns);

    void row(List<?> values);

    void end();
}
