package io.tusk.cli;

import io.tusk.Column;
import java.io.PrintWriter;
import java.util.List;

/**
 * CSV as {@code psql --csv} writes it (RFC 4180; PostgreSQL's {@code fe_utils/print.c},
 * {@code csv_print_field}): a header line, then one line per row; a field is quoted when it
 * holds a comma, a quote or a line break, or is exactly {@code \.} (COPY's end-of-data
 * marker), quotes doubled. NULL is an empty field.
 *
 * <p>Example: {@code id,name} then {@code 1,"a, b"}.
 */
final class CsvWriter implements ResultWriter {
    private final PrintWriter out;

    CsvWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void begin(List<Column> columns) {
        line(columns.stream().map(Column::name).toList());
    }

    @Override
    public void row(List<String> values) {
        line(values);
    }

    @Override
    public void end() {
        out.flush();
    }

    private void line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields.get(i)));
        }
        // RFC 4180 section 2 ends records with CRLF; psql --csv, like most tools, writes LF.
        out.print(sb.append('\n'));
    }

    static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && !s.equals("\\.")) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
