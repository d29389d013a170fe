package io.tusk.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One pass over a JDBC SQL text that writes PostgreSQL's: {@code ?} becomes {@code $n},
 * {@code ??} becomes {@code ?}, JDBC escapes become SQL, and the text is cut into statements at
 * top-level semicolons. String constants, quoted identifiers, dollar quotes and comments are
 * copied untouched (nothing in them is a placeholder, an escape or a statement end), as the
 * server's scanner reads them with {@code standard_conforming_strings} on.
 *
 * <p>The same {@link #scan} copies the statement and, recursively, the inside of escapes; it
 * stops at a top-level {@code ,}/{@code )} for a {@code {fn}} argument and at {@code }} for an
 * escape body. Placeholders are numbered in the order they are written, so a function whose
 * translation reorders or repeats its arguments keeps each {@code ?} bound to its JDBC index.
 */
final class SqlTranslator {
    private static final int TOP = 0;
    private static final int ARG = 1;
    private static final int BRACE = 2;

    private final String s;
    private final int len;
    private final boolean escapes;
    private final boolean placeholders;
    private final JdbcSql.CallMode callMode;
    private final List<SqlStatement> statements = new ArrayList<>(1);
    private int params;
    private boolean callEscape;
    private boolean returnParameter;

    // the statement being written
    private final StringBuilder out;
    private int base;
    private int[] binds = new int[8];
    private int bindCount;
    private boolean bindElsewhere;
    private boolean significant;
    private int depth;
    private String command;
    private String mainCommand;
    private boolean returning;
    // INSERT ... VALUES (...), (...): 0 none, 1 after VALUES, 2 in a tuple, 3 after a tuple,
    // 4 after the comma between tuples, 5 past the tuples
    private int values;
    private int valuesStart;
    private int valuesEnd;
    // CREATE FUNCTION ... BEGIN ATOMIC ... END: semicolons inside belong to the body
    private boolean afterBegin;
    private int atomic;

    SqlTranslator(String sql, boolean escapes, boolean placeholders, JdbcSql.CallMode callMode) {
        this.s = sql;
        this.len = sql.length();
        this.escapes = escapes;
        this.placeholders = placeholders;
        this.callMode = callMode;
        this.out = new StringBuilder(len + 16);
        reset();
    }

    JdbcSql run() throws SQLException {
        scan(0, out, TOP);
        endStatement();
        return new JdbcSql(statements, params, callEscape, returnParameter);
    }

    private int scan(int i, StringBuilder b, int stop) throws SQLException {
        boolean top = stop == TOP;
        int nested = 0;
        while (i < len) {
            char c = s.charAt(i);
            int end;
            if (c == '\'') {
                end = SqlScan.singleQuoted(s, i, false);
                i = atom(i, end, b, top, "a string constant", "'");
                continue;
            } else if (c == '"') {
                end = SqlScan.doubleQuoted(s, i);
                i = atom(i, end, b, top, "a quoted identifier", "\"");
                continue;
            } else if (c == '-' && i + 1 < len && s.charAt(i + 1) == '-') {
                end = SqlScan.lineComment(s, i);
                b.append(s, i, end);
                i = end;
                continue;
            } else if (c == '/' && i + 1 < len && s.charAt(i + 1) == '*') {
                end = SqlScan.blockComment(s, i);
                if (end < 0) {
                    throw unclosed(i, "a block comment", "*/ (block comments nest)");
                }
                b.append(s, i, end);
                i = end;
                continue;
            } else if (c == '$') {
                int tag = SqlScan.dollarTag(s, i);
                if (tag > 0) {
                    end = SqlScan.dollarQuoted(s, i, tag);
                    i = atom(i, end, b, top, "a dollar-quoted string", s.substring(i, tag));
                    continue;
                }
            } else if (c == '?') {
                if (top) {
                    seen();
                }
                i = placeholder(i, b);
                continue;
            } else if (c == '{' && escapes) {
                if (top) {
                    valuesBreak();
                }
                i = escape(i, b);
                if (top) {
                    significant = true;
                }
                continue;
            } else if (SqlScan.identStart(c)) {
                i = word(i, b, top);
                continue;
            } else if (c == '(') {
                if (top) {
                    openParen(b);
                } else {
                    nested++;
                }
            } else if (c == ')') {
                if (top) {
                    closeParen(b);
                    i++;
                    continue;
                }
                if (nested == 0 && stop == ARG) {
                    return i;
                }
                nested--;
            } else if (c == ',') {
                if (stop == ARG && nested == 0) {
                    return i;
                }
                if (top && depth == 0) {
                    values = values == 3 ? 4 : values == 0 || values == 2 ? values : 5;
                }
            } else if (c == '}') {
                if (stop == BRACE && nested == 0) {
                    return i;
                }
            } else if (c == ';' && top && depth == 0 && atomic == 0) {
                endStatement();
                i++;
                continue;
            }
            if (top && !SqlScan.space(c)) {
                significant = true;
                if (c != ',' && c != '(') {
                    valuesBreak();
                }
            }
            b.append(c);
            i++;
        }
        return i;
    }

    /** Copies a literal-like atom {@code s[i, end)}; {@code end < 0} means it never closes. */
    private int atom(int i, int end, StringBuilder b, boolean top, String what, String closer)
            throws SQLException {
        if (end < 0) {
            throw unclosed(i, what, closer);
        }
        if (top) {
            seen();
        }
        b.append(s, i, end);
        return end;
    }

    private void seen() {
        significant = true;
        valuesBreak();
    }

    private int placeholder(int i, StringBuilder b) {
        // "??" is JDBC's way to write PostgreSQL's ? operator (as pgjdbc reads it); ?| and ?&
        // are a placeholder followed by an operator, so jsonb's ?| is written ??|.
        if (i + 1 < len && s.charAt(i + 1) == '?') {
            b.append('?');
            return i + 2;
        }
        if (!placeholders) {
            b.append('?');
            return i + 1;
        }
        params++;
        // a placeholder touching a word would lex as part of it ("a$1" is an identifier, "$1and"
        // is "trailing junk after parameter" since PostgreSQL 15): keep it apart
        int at = b.length();
        if (at > 0 && SqlScan.identCont(b.charAt(at - 1))) {
            b.append(' ');
        }
        if (b == out) {
            if (bindCount == binds.length) {
                binds = Arrays.copyOf(binds, bindCount * 2);
            }
            binds[bindCount++] = out.length();
        } else {
            bindElsewhere = true;
        }
        b.append('$').append(params - base);
        if (i + 1 < len && SqlScan.identCont(s.charAt(i + 1))) {
            b.append(' ');
        }
        return i + 1;
    }

    private int word(int i, StringBuilder b, boolean top) throws SQLException {
        int end = SqlScan.wordEnd(s, i);
        char c = s.charAt(i);
        if (end - i == 1 && (c == 'e' || c == 'E') && end < len && s.charAt(end) == '\'') {
            // E'...': an escape string constant, where backslash escapes the next character
            b.append(c);
            return atom(end, SqlScan.singleQuoted(s, end, true), b, top, "a string constant", "'");
        }
        if (top) {
            keyword(i, end);
        }
        b.append(s, i, end);
        return end;
    }

    private void keyword(int i, int end) {
        significant = true;
        if (command == null) {
            command = s.substring(i, end).toUpperCase(Locale.ROOT);
            mainCommand = command;
            return;
        }
        if (command.equals("WITH") && mainCommand.equals("WITH") && depth == 0 && mainStatement(i, end)) {
            mainCommand = s.substring(i, end).toUpperCase(Locale.ROOT);
        }
        if (command.equals("CREATE")) {
            if (atomic > 0) {
                // CASE ... END nests inside BEGIN ATOMIC ... END
                if (SqlScan.is(s, i, end, "case")) {
                    atomic++;
                } else if (SqlScan.is(s, i, end, "end")) {
                    atomic--;
                }
            } else if (afterBegin && SqlScan.is(s, i, end, "atomic")) {
                atomic = 1;
            }
            afterBegin = SqlScan.is(s, i, end, "begin");
        }
        if (depth == 0) {
            if (SqlScan.is(s, i, end, "returning")) {
                returning = true;
            }
            if (values == 0 && command.equals("INSERT") && SqlScan.is(s, i, end, "values")) {
                values = 1;
            } else {
                valuesBreak();
            }
        }
    }

    /** Whether the word is the statement after {@code WITH}'s CTEs (not a CTE named "select"). */
    private boolean mainStatement(int i, int end) {
        if (!(SqlScan.is(s, i, end, "select") || SqlScan.is(s, i, end, "insert") || SqlScan.is(s, i, end, "update")
                || SqlScan.is(s, i, end, "delete") || SqlScan.is(s, i, end, "merge"))) {
            return false;
        }
        int next = SqlScan.skipBlank(s, end);
        if (next < len && s.charAt(next) == '(') {
            // "insert (", "update (", ...: a CTE with a column list; "select (" is the query
            return SqlScan.is(s, i, end, "select");
        }
        return !(next < len && SqlScan.identStart(s.charAt(next)) && SqlScan.is(s, next, SqlScan.wordEnd(s, next), "as"));
    }

    private void openParen(StringBuilder b) {
        significant = true;
        if (depth == 0) {
            if (values == 1 || values == 4) {
                if (valuesStart < 0) {
                    valuesStart = b.length();
                }
                values = 2;
            } else if (values == 3) {
                values = 5;
            }
        }
        depth++;
    }

    private void closeParen(StringBuilder b) {
        significant = true;
        b.append(')');
        if (depth > 0) {
            depth--;
            if (depth == 0 && values == 2) {
                values = 3;
                valuesEnd = b.length();
            }
        }
    }

    /** Something other than a tuple or a comma at the top level ends the VALUES list. */
    private void valuesBreak() {
        if (depth == 0 && values != 0 && values != 2) {
            values = 5;
        }
    }

    private int escape(int open, StringBuilder b) throws SQLException {
        int k = skipSpaces(open + 1);
        if (k < len && s.charAt(k) == '?') {
            return callEscape(open, k, b, true);
        }
        if (k >= len || !SqlScan.identStart(s.charAt(k))) {
            throw unknownEscape(open, k, k);
        }
        int e = SqlScan.wordEnd(s, k);
        if (SqlScan.is(s, k, e, "call")) {
            return callEscape(open, e, b, false);
        } else if (SqlScan.is(s, k, e, "fn")) {
            return function(open, e, b);
        } else if (SqlScan.is(s, k, e, "d")) {
            return literalEscape(open, e, b, "DATE ", "{d '2024-01-31'}");
        } else if (SqlScan.is(s, k, e, "t")) {
            return literalEscape(open, e, b, "TIME ", "{t '23:59:00'}");
        } else if (SqlScan.is(s, k, e, "ts")) {
            return literalEscape(open, e, b, "TIMESTAMP ", "{ts '2024-01-31 23:59:00.5'}");
        } else if (SqlScan.is(s, k, e, "oj")) {
            return body(open, skipSpaces(e), b, "");
        } else if (SqlScan.is(s, k, e, "escape")) {
            return body(open, skipSpaces(e), b, "ESCAPE ");
        } else if (SqlScan.is(s, k, e, "limit")) {
            return body(open, skipSpaces(e), b, "LIMIT ");
        }
        throw unknownEscape(open, k, e);
    }

    private int literalEscape(int open, int e, StringBuilder b, String keyword, String example) throws SQLException {
        int from = skipSpaces(e);
        if (from >= len || s.charAt(from) != '\'') {
            throw new SQLSyntaxErrorException("The JDBC escape " + snippet(open) + " at character " + (open + 1)
                    + " needs a quoted value, as " + example, "42601");
        }
        return body(open, from, b, keyword);
    }

    /** Writes {@code prefix} and the escape's text up to its closing brace. */
    private int body(int open, int from, StringBuilder b, String prefix) throws SQLException {
        b.append(prefix);
        int end = scan(from, b, BRACE);
        if (end >= len) {
            throw unclosed(open, "the JDBC escape " + snippet(open), "}");
        }
        trimEnd(b);
        return end + 1;
    }

    private int function(int open, int e, StringBuilder b) throws SQLException {
        int from = skipSpaces(e);
        int p = from;
        while (p < len && s.charAt(p) != '(' && s.charAt(p) != '}') {
            p++;
        }
        String name = s.substring(from, p).trim();
        if (name.isEmpty() || p >= len) {
            throw new SQLSyntaxErrorException("The JDBC escape " + snippet(open) + " at character " + (open + 1)
                    + " is not a function call: write {fn name(arguments)}", "42601");
        }
        List<String> args = new ArrayList<>(3);
        if (s.charAt(p) == '(') {
            int q = p + 1;
            while (true) {
                StringBuilder arg = new StringBuilder();
                int end = scan(q, arg, ARG);
                if (end >= len) {
                    throw unclosed(open, "the JDBC escape " + snippet(open), ")}");
                }
                String a = arg.toString().trim();
                boolean closes = s.charAt(end) == ')';
                if (!(closes && args.isEmpty() && a.isEmpty())) {
                    args.add(a);
                }
                q = end + 1;
                if (closes) {
                    break;
                }
            }
            bindElsewhere = true;
            p = q;
        }
        JdbcFunctions.append(b, name, args);
        // whatever follows the call inside the braces is kept, as pgjdbc does
        return body(open, p, b, "");
    }

    private int callEscape(int open, int k, StringBuilder b, boolean returns) throws SQLException {
        if (b != out || significant) {
            throw malformedCall(open, "a call escape must be the whole statement");
        }
        int n = 0;
        int p = k;
        if (returns) {
            p = skipSpaces(k + 1);
            if (p >= len || s.charAt(p) != '=') {
                throw malformedCall(open, "expected = after {?");
            }
            p = skipSpaces(p + 1);
            int e = p < len && SqlScan.identStart(s.charAt(p)) ? SqlScan.wordEnd(s, p) : p;
            if (!SqlScan.is(s, p, e, "call")) {
                throw malformedCall(open, "expected call after {? =");
            }
            params++;
            n = params - base;
            returnParameter = true;
            p = e;
        }
        if (p >= len || !SqlScan.space(s.charAt(p))) {
            throw malformedCall(open, "expected a procedure or function name after call");
        }
        StringBuilder body = new StringBuilder();
        int end = scan(p, body, BRACE);
        if (end >= len) {
            throw malformedCall(open, "the escape is never closed with }");
        }
        bindElsewhere = true;
        String fn = body.toString().trim();
        if (fn.isEmpty()) {
            throw malformedCall(open, "expected a procedure or function name after call");
        }
        boolean asCall = callMode == JdbcSql.CallMode.CALL || (callMode == JdbcSql.CallMode.CALL_IF_NO_RETURN && !returns);
        out.append(asCall ? "call " : "select * from ");
        int paren = firstParen(fn);
        if (paren < 0) {
            out.append(fn).append(returns ? "($" + n + ")" : "()");
        } else if (!returns) {
            out.append(fn);
        } else {
            // the return value is the first OUT argument of the function call, as pgjdbc sends it
            out.append(fn, 0, paren + 1).append('$').append(n);
            int first = SqlScan.skipBlank(fn, paren + 1);
            if (first < fn.length() && fn.charAt(first) != ')') {
                out.append(',');
            }
            out.append(fn, paren + 1, fn.length());
        }
        if (!asCall) {
            out.append(" as result");
        }
        command = asCall ? "CALL" : "SELECT";
        mainCommand = command;
        significant = true;
        callEscape = true;
        return end + 1;
    }

    private static int firstParen(String fn) {
        for (int i = 0; i < fn.length(); i++) {
            char c = fn.charAt(i);
            if (c == '(') {
                return i;
            }
            if (c == '"') {
                int e = SqlScan.doubleQuoted(fn, i);
                if (e < 0) {
                    return -1;
                }
                i = e - 1;
            }
        }
        return -1;
    }

    private void endStatement() {
        if (significant) {
            boolean rewritable = "INSERT".equals(command) && valuesEnd >= 0 && !bindElsewhere
                    && (bindCount == 0 || (binds[0] > valuesStart && binds[bindCount - 1] < valuesEnd));
            statements.add(new SqlStatement(out.toString(), params - base, base, command, mainCommand, returning,
                    rewritable ? valuesStart : -1, rewritable ? valuesEnd : -1, Arrays.copyOf(binds, bindCount)));
        }
        out.setLength(0);
        base = params;
        reset();
    }

    private void reset() {
        bindCount = 0;
        bindElsewhere = false;
        significant = false;
        depth = 0;
        command = null;
        mainCommand = null;
        returning = false;
        values = 0;
        valuesStart = -1;
        valuesEnd = -1;
        afterBegin = false;
        atomic = 0;
    }

    private int skipSpaces(int i) {
        while (i < len && SqlScan.space(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void trimEnd(StringBuilder b) {
        int n = b.length();
        while (n > 0 && SqlScan.space(b.charAt(n - 1))) {
            n--;
        }
        b.setLength(n);
    }

    private String snippet(int open) {
        int end = s.indexOf('}', open);
        end = end < 0 ? Math.min(len, open + 30) : end + 1;
        return end - open > 40 ? s.substring(open, open + 37) + "..." : s.substring(open, end);
    }

    private SQLException unclosed(int at, String what, String closer) {
        String start = s.substring(at, Math.min(len, at + 20)) + (at + 20 < len ? "..." : "");
        return new SQLSyntaxErrorException("The SQL has " + what + " starting at character " + (at + 1) + " ("
                + start + ") that is never closed: end it with " + closer, "42601");
    }

    private SQLException unknownEscape(int open, int k, int e) {
        String name = e > k ? s.substring(k, e) : snippet(open);
        return new SQLSyntaxErrorException("Unknown JDBC escape {" + name + " ...} at character " + (open + 1)
                + ": Tusk knows {fn ...}, {d '...'}, {t '...'}, {ts '...'}, {oj ...}, {escape '...'}, {limit ...}, "
                + "{call ...} and {? = call ...}; to send braces as written, turn escape processing off "
                + "(Statement.setEscapeProcessing(false))", "42601");
    }

    private SQLException malformedCall(int open, String why) {
        // pgjdbc: "Malformed function or procedure escape syntax at offset N." (SQLSTATE 2F003)
        return new SQLSyntaxErrorException("Malformed function or procedure escape syntax at offset " + open + ": "
                + why + " (write {call name(?, ...)} or {? = call name(?, ...)})", "2F003");
    }
}
