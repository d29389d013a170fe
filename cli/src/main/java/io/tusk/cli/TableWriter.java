package io.tusk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned table as psql prints it: a header, a rule, the rows, then {@code (n rows)}.
 * Numbers are right-aligned; NULL is empty, as in psql.
 *
 * <p>Example output: <pre>
 *  id | name
 * ----+------
 *   1 | tusk
 * (1 row)
 * </pre>
 */
final class TableWriter implements ResultWriter {
    private final PrintWriter out;
    private List<String> columns;
    private final List<String[]> rows = new ArrayList<>();
    private boolean[] numeric;

    TableWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void begin(List<String> columns) {
        this.columns = columns;
        this.numeric = new boolean[columns.size()];
        java.util.Arrays.fill(numeric, true);
        rows.clear();
    }

    @Override
    public void row(List<?> values) {
        String[] cells = new String[values.size()];
        for (int i = 0; i < cells.length; i++) {
            Object v = values.get(i);
            String text = Values.text(v);
            cells[i] = text == null ? "" : text.replace("\n", "\\n");
            if (v != null && !(v instanceof Number)) {
                numeric[i] = false;
            }
        }
        rows.add(cells);
    }

    @Override
    public void end() {
        int n = columns.size();
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = columns.get(i).length();
        }
        for (String[] r : rows) {
            for (int i = 0; i < n; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            line.append(i == 0 ? " " : " | ").append(center(columns.get(i), width[i]));
        }
        out.println(strip(line));
        line.setLength(0);
        for (int i = 0; i < n; i++) {
            line.append(i == 0 ? "-" : "-+-").append("-".repeat(width[i]));
        }
        out.println(line.append('-'));
        for (String[] r : rows) {
            line.setLength(0);
            for (int i = 0; i < n; i++) {
                line.append(i == 0 ? " " : " | ").append(numeric[i] ? left(r[i], width[i]) : right(r[i], width[i]));
            }
            out.println(strip(line));
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
        out.println();
        out.flush();
    }

    private static String strip(StringBuilder line) {
        return line.toString().stripTrailing();
    }

    private static String right(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String left(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }

    private static String center(String s, int width) {
        int pad = width - s.length();
        return " ".repeat(pad / 2) + s + " ".repeat(pad - pad / 2);
    }
}
