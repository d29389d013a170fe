package io.tusk.internal.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single-row {@code INSERT ... VALUES (...)} written for several rows at once
 * ({@code VALUES (...), (...), ...}), as pgjdbc's {@code reWriteBatchedInserts} does: an
 * {@code executemany} of N rows then costs the server N/rows-per-statement executions instead of
 * N. Only the plainest form is rewritten, so that the meaning cannot change:
 * {@code INSERT INTO name [(columns)] VALUES (tuple)} and nothing after the tuple (no
 * {@code RETURNING}, no {@code ON CONFLICT}), the tuple free of comments, dollar quotes and
 * backslashes; anything else is left to the one-row-per-execution path.
 *
 * <pre>{@code
 * InsertRewrite r = InsertRewrite.of(QueryParser.parse("INSERT INTO t (a, b) VALUES (%s, now())"));
 * r.sql(2);   // INSERT INTO t (a, b) VALUES ($1, now()), ($2, now())
 * }</pre>
 */
public final class InsertRewrite {
    /** pgjdbc groups up to 128 rows per statement; the protocol allows 65535 parameters. */
    static final int MAX_ROWS = 128;
    private static final int MAX_PARAMETERS = 65535;

    /** The text before the tuple: INSERT INTO name [(columns)] VALUES ( — identifiers may be quoted. */
    private static final Pattern HEAD = Pattern.compile(
            "(?is)\\s*INSERT\\s+INTO\\s+(?:\"[^\"]*\"|[^\\s(;'\"$])+\\s*(?:\\((?:\"[^\"]*\"|[^()'\";$])*\\)\\s*)?VALUES\\s*\\(");
    private static final Pattern TAIL = Pattern.compile("(?s)(.*\\))\\s*;?\\s*");

    private final String head;
    /** The tuple's text around its placeholders: parts.length == placeholders + 1. */
    private final String[] parts;
    /** For each placeholder, its 0-based parameter number within a row. */
    private final int[] parameterOf;
    private final int parameterCount;
    private final Map<Integer, String> sqlByRows = new HashMap<>();

    private InsertRewrite(String head, String[] parts, int[] parameterOf, int parameterCount) {
        this.head = head;
        this.parts = parts;
        this.parameterOf = parameterOf;
        this.parameterCount = parameterCount;
    }

    /** The rewrite of {@code query}, or null when it is not a plain single-row INSERT ... VALUES. */
    public static InsertRewrite of(ParsedQuery query) {
        List<String> literals = query.literals();
        int n = query.placeholders().size();
        if (n == 0 || query.parameterCount() == 0) {
            return null;
        }
        Matcher h = HEAD.matcher(literals.get(0));
        if (!h.lookingAt()) {
            return null;
        }
        String head = literals.get(0).substring(0, h.end() - 1); // up to the tuple's '('
        Matcher t = TAIL.matcher(literals.get(n));
        if (!t.matches()) {
            return null;
        }
        String[] parts = new String[n + 1];
        parts[0] = literals.get(0).substring(h.end() - 1);
        for (int i = 1; i < n; i++) {
            parts[i] = literals.get(i);
        }
        parts[n] = t.group(1);
        if (!isOneTuple(String.join(" ", parts))) {
            return null;
        }
        int[] parameterOf = new int[n];
        List<ParsedQuery.Placeholder> placeholders = query.placeholders();
        for (int i = 0; i < n; i++) {
            parameterOf[i] = query.isNamed() ? query.names().indexOf(placeholders.get(i).name()) : i;
        }
        return new InsertRewrite(head, parts, parameterOf, query.parameterCount());
    }

    /**
     * True when {@code text} is one parenthesised tuple: it opens at its first character, closes
     * at its last, never closes below depth 0 in between, and holds nothing that a scanner this
     * simple could misread (comments, dollar quotes, backslash escapes, a statement separator).
     */
    static boolean isOneTuple(String text) {
        if (text.contains("--") || text.contains("/*") || text.contains("$") || text.indexOf('\\') >= 0) {
            return false;
        }
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0; // a doubled quote closes and reopens: still balanced
                }
                continue;
            }
            switch (c) {
                case '\'', '"' -> quote = c;
                case '(' -> depth++;
                case ')' -> {
                    depth--;
                    if (depth == 0 && i != text.length() - 1) {
                        return false; // the tuple closed before the end: (a), (b) or (a) something
                    }
                }
                case ';' -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return depth == 0 && quote == 0;
    }

    /** Values per row ({@code $n} count of the one-row statement). */
    public int parametersPerRow() {
        return parameterCount;
    }

    /** How many rows one statement takes at most. */
    public int maxRows() {
        return Math.max(1, Math.min(MAX_ROWS, MAX_PARAMETERS / parameterCount));
    }

    /** The statement for {@code rows} rows, with {@code $1..$(rows * parametersPerRow)}. */
    public String sql(int rows) {
        return sqlByRows.computeIfAbsent(rows, this::build);
    }

    private String build(int rows) {
        StringBuilder sql = new StringBuilder(head.length() + rows * (parts.length * 8 + 16));
        sql.append(head);
        for (int r = 0; r < rows; r++) {
            if (r > 0) {
                sql.append(", ");
            }
            int base = r * parameterCount;
            for (int i = 0; i < parameterOf.length; i++) {
                sql.append(parts[i]).append('$').append(base + parameterOf[i] + 1);
            }
            sql.append(parts[parameterOf.length]);
        }
        return sql.toString();
    }
}
