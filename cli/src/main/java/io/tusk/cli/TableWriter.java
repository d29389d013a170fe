package io.tusk.cli;

import io.tusk.Column;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned table exactly as psql prints it (its default {@code \pset format aligned},
 * {@code border 1}, {@code linestyle ascii}; PostgreSQL's {@code fe_utils/print.c},
 * {@code print_aligned_text}): a centred header, a rule, the rows, then {@code (n rows)}.
 * Numbers are right-aligned (psql's {@code column_type_alignment}), NULL is empty, widths count
 * terminal columns ({@link DisplayWidth}: CJK and emoji take two), a value with line breaks
 * takes several lines with {@code +} at the right of each line but its last, and control
 * characters show as {@code \r}, {@code \x01}.
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
    private List<Column> columns;
    private boolean[] right;
    private int[] width;
    private final List<Cell[]> rows = new ArrayList<>();

    TableWriter(PrintWriter out) {
        this.out = out;
    }

    /** A column of the tool's own (not from a result): a name and the type OID that sets its alignment. */
    static Column column(String name, int typeOid) {
        return new Column(name, typeOid, null, null, null, null, null, null, 0, 0, -1, 0);
    }

    /** A value cut at its line breaks, each line formatted for the terminal, with its width. */
    record Cell(List<String> lines, List<Integer> widths) {
        int width() {
            int w = 0;
            for (int x : widths) {
                w = Math.max(w, x);
            }
            return w;
        }

        /** psql's {@code pg_wcsformat}: \n starts a line, \r shows as \r, tabs to the next multiple of 8, other controls as \xNN. */
        static Cell of(String s) {
            List<String> lines = new ArrayList<>();
            List<Integer> widths = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            int w = 0;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                int cw = DisplayWidth.of(cp);
                if (cp == '\n') {
                    lines.add(line.toString());
                    widths.add(w);
                    line.setLength(0);
                    w = 0;
                } else if (cp == '\r') {
                    line.append("\\r");
                    w += 2;
                } else if (cp == '\t') {
                    do {
                        line.append(' ');
                        w++;
                    } while (w % 8 != 0);
                } else if (cw < 0) {
                    line.append(cp < 0x80 ? String.format("\\x%02X", cp)
                            : cp <= 0xFFFF ? String.format("\\u%04X", cp) : String.format("\\U%08X", cp));
                    w += cp < 0x80 ? 4 : cp <= 0xFFFF ? 6 : 10;
                } else {
                    line.appendCodePoint(cp);
                    w += cw;
                }
            }
            lines.add(line.toString());
            widths.add(w);
            return new Cell(lines, widths);
        }
    }

    @Override
    public void begin(List<Column> columns) {
        this.columns = columns;
        int n = columns.size();
        this.right = new boolean[n];
        this.width = new int[n];
        for (int i = 0; i < n; i++) {
            right[i] = PgTypes.rightAligned(columns.get(i).typeOid());
        }
        rows.clear();
    }

    @Override
    public void row(List<String> values) {
        Cell[] cells = new Cell[values.size()];
        for (int i = 0; i < cells.length; i++) {
            String v = values.get(i);
            cells[i] = Cell.of(v == null ? "" : v);
        }
        rows.add(cells);
    }

    @Override
    public void end() {
        int n = columns.size();
        Cell[] header = new Cell[n];
        for (int i = 0; i < n; i++) {
            header[i] = Cell.of(columns.get(i).name());
            width[i] = header[i].width();
        }
        for (Cell[] r : rows) {
            for (int i = 0; i < n; i++) {
                width[i] = Math.max(width[i], r[i].width());
            }
        }
        printHeader(header);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < n; i++) {
            rule.append(i == 0 ? "-" : "-+-").append("-".repeat(width[i]));
        }
        out.println(rule.append(n == 0 ? "" : "-"));
        for (Cell[] r : rows) {
            printRow(r);
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
        out.println();
        out.flush();
        rows.clear();
    }

    /** Header lines: each name centred in its column, padded on both sides, even in the last column. */
    private void printHeader(Cell[] header) {
        int lines = 0;
        for (Cell c : header) {
            lines = Math.max(lines, c.lines().size());
        }
        for (int l = 0; l < lines; l++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < header.length; i++) {
                sb.append(' ');
                List<String> ls = header[i].lines();
                boolean more = l < ls.size() - 1;
                if (l < ls.size()) {
                    int space = width[i] - header[i].widths().get(l);
                    sb.append(" ".repeat(space / 2)).append(ls.get(l)).append(" ".repeat((space + 1) / 2));
                } else {
                    sb.append(" ".repeat(width[i]));
                }
                sb.append(more ? '+' : ' ');
                if (i < header.length - 1) {
                    sb.append('|');
                }
            }
            out.println(sb);
        }
    }

    /** One row, over as many lines as its tallest cell (print_aligned_text's newline handling). */
    private void printRow(Cell[] r) {
        int n = r.length;
        int lines = 0;
        for (Cell c : r) {
            lines = Math.max(lines, c.lines().size());
        }
        for (int l = 0; l < lines; l++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < n; j++) {
                boolean last = j == n - 1;
                List<String> ls = r[j].lines();
                sb.append(' ');
                boolean more = l < ls.size() - 1;
                if (l >= ls.size()) {
                    if (!last) {
                        sb.append(" ".repeat(width[j]));
                    }
                } else {
                    int pad = width[j] - r[j].widths().get(l);
                    if (right[j]) {
                        sb.append(" ".repeat(pad)).append(ls.get(l));
                    } else {
                        sb.append(ls.get(l));
                        if (!last || more) {
                            sb.append(" ".repeat(pad));
                        }
                    }
                }
                if (more) {
                    sb.append('+');
                } else if (!last) {
                    sb.append(' ');
                }
                if (!last) {
                    sb.append('|');
                }
            }
            out.println(sb);
        }
    }
}
