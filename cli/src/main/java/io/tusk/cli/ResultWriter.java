package io.tusk.cli;

import io.tusk.Column;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints one result set, row by row, in the format {@code --format} chose: an aligned table as
 * psql prints it, CSV as {@code psql --csv} writes it, or a JSON array of objects. Values come
 * as PostgreSQL's own text output ({@link RawText}), null for NULL.
 *
 * <p>Example: {@code ResultWriter w = new CsvWriter(out); w.begin(columns); w.row(values); w.end();}
 */
interface ResultWriter {
    /** The output formats of {@code --format}. */
    enum Format {
        table, csv, json
    }

    void begin(List<Column> columns);

    void row(List<String> values);

    void end();
}
