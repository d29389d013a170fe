package io.tusk.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * CSV as RFC 4180 writes it: a header line, then one line per row; a field is quoted when it
 * holds a comma, a quote or a line break, quotes doubled. NULL is an empty field.
 *
 * <p>Example: {@code id,name} then {@code 1,"a, b"}.
 */
final class CsvWriter implements ResultWriter {
    private final PrintWriter out;

    CsvWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void begin(List<String> columns) {
        line(columns);
    }

    @Override
    public void row(List<?> values) {
        line(values);
    }

    @Override
    public void end() {
        out.flush();
    }

    private void line(List<?> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(Values.text(fields.get(i))));
        }
        // RFC 4180 section 2: records end with CRLF; most tools accept LF, which is what we print.
        out.println(sb);
    }

    static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
