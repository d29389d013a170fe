package io.tusk.sql;

import io.tusk.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A snippet of SQL written by the programmer, used as it is: psycopg's {@code sql.SQL}. Never
 * build one from outside input; use {@link Identifier} and {@link Literal} for that.
 *
 * <pre>{@code
 * SQL.of("INSERT INTO {} ({}) VALUES ({})").format(
 *         Identifier.of("t"),
 *         SQL.of(", ").join(Identifier.of("a"), Identifier.of("b")),
 *         SQL.of(", ").join(Placeholder.of(), Placeholder.of()));
 * // INSERT INTO "t" ("a", "b") VALUES (%s, %s)
 * }</pre>
 *
 * {@link #format} fills {@code {}} (automatic numbering), {@code {0}} (by position) and
 * {@code {name}} fields; {@code {{} and {@code }}} stand for braces.
 */
public final class SQL implements Composable {
    private final String text;

    private SQL(String text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    public static SQL of(String text) {
        return new SQL(text);
    }

    /** The SQL text itself. */
    public String text() {
        return text;
    }

    @Override
    public String asString(Connection conn) {
        return text;
    }

    /**
     * Fills the fields of this template with positional arguments (psycopg's {@code SQL.format}).
     * An argument that is not a {@link Composable} is taken as a {@link Literal}.
     *
     * @throws IllegalArgumentException for a malformed template, a missing argument, or a mix
     *     of automatic and manual numbering
     */
    public Composed format(Object... args) {
        return format(Map.of(), args);
    }

    /** Fills positional and named ({@code {name}}) fields. */
    public Composed format(Map<String, ?> named, Object... args) {
        List<Composable> out = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int auto = 0;
        Boolean automatic = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '}') {
                    literal.append('}');
                    i += 2;
                    continue;
                }
                throw new IllegalArgumentException("single '}' at position " + i + " of the SQL template: write '}}' for a brace");
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            if (i + 1 < text.length() && text.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
                continue;
            }
            int end = text.indexOf('}', i);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed '{' at position " + i + " of the SQL template: write '{{' for a brace");
            }
            String field = text.substring(i + 1, end);
            if (field.contains("!") || field.contains(":")) {
                throw new IllegalArgumentException("no conversion or format specification is supported in SQL templates: {" + field + "}");
            }
            Object arg;
            if (field.isEmpty()) {
                if (Boolean.FALSE.equals(automatic)) {
                    throw new IllegalArgumentException("cannot switch from manual field numbering to automatic ({})");
                }
                automatic = true;
                arg = positional(args, auto++);
            } else if (field.chars().allMatch(Character::isDigit)) {
                if (Boolean.TRUE.equals(automatic)) {
                    throw new IllegalArgumentException("cannot switch from automatic field numbering ({}) to manual ({" + field + "})");
                }
                automatic = false;
                arg = positional(args, Integer.parseInt(field));
            } else {
                if (!named.containsKey(field)) {
                    throw new IllegalArgumentException("no argument named '" + field + "' for the SQL template");
                }
                arg = named.get(field);
            }
            if (literal.length() > 0) {
                out.add(new SQL(literal.toString()));
                literal.setLength(0);
            }
            out.add(arg instanceof Composable comp ? comp : Literal.of(arg));
            i = end + 1;
        }
        if (literal.length() > 0) {
            out.add(new SQL(literal.toString()));
        }
        return Composed.of(out);
    }

    private static Object positional(Object[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException("the SQL template needs argument " + index + " but only " + args.length + " were given");
        }
        return args[index];
    }

    /** The pieces with this SQL between each two (psycopg's {@code SQL.join}): {@code SQL.of(", ").join(a, b)}. */
    public Composed join(Composable... pieces) {
        return join(List.of(pieces));
    }

    public Composed join(Iterable<? extends Composable> pieces) {
        List<Composable> out = new ArrayList<>();
        for (Composable p : pieces) {
            if (!out.isEmpty()) {
                out.add(this);
            }
            out.add(Objects.requireNonNull(p, "piece"));
        }
        return Composed.of(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SQL s && s.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "SQL(" + text + ")";
    }
}
