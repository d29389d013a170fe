package io.tusk.internal.query;

import io.tusk.adapt.Format;
import io.tusk.errors.ProgrammingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A query split by {@link QueryParser}: literal fragments between placeholders, ready to be
 * turned into PostgreSQL's {@code $n} form (server-side binding) or into a literal SQL string
 * (client-side binding). Immutable, so it is shared through the parser's cache.
 *
 * <p>A named placeholder used several times becomes one {@code $n}: the value is sent once
 * (psycopg's {@code PostgresQuery.convert}).
 */
public final class ParsedQuery {
    /** One placeholder: its name ({@code null} for {@code %s}) and the format it asks for. */
    public record Placeholder(String name, Format format) {
    }

    private final String original;
    private final List<String> literals;
    private final List<Placeholder> placeholders;
    private final boolean named;
    /** For named queries: the distinct names in $n order. */
    private final List<String> names;
    private final Format[] formats;
    private final String postgresQuery;

    ParsedQuery(String original, List<String> literals, List<Placeholder> placeholders) {
        this.original = original;
        this.literals = List.copyOf(literals);
        this.placeholders = List.copyOf(placeholders);
        boolean anyNamed = false;
        boolean anyPositional = false;
        for (Placeholder p : placeholders) {
            anyNamed |= p.name() != null;
            anyPositional |= p.name() == null;
        }
        if (anyNamed && anyPositional) {
            throw new ProgrammingException("positional (%s) and named (%(name)s) placeholders cannot be mixed in one query");
        }
        this.named = anyNamed;
        StringBuilder sql = new StringBuilder(original.length() + 8);
        if (named) {
            Map<String, Integer> number = new LinkedHashMap<>();
            List<Format> fmts = new ArrayList<>();
            for (int i = 0; i < placeholders.size(); i++) {
                Placeholder p = placeholders.get(i);
                Integer n = number.get(p.name());
                if (n == null) {
                    n = number.size() + 1;
                    number.put(p.name(), n);
                    fmts.add(p.format());
                } else if (fmts.get(n - 1) != p.format()) {
                    throw new ProgrammingException("placeholder '%(" + p.name() + ")' is used with different formats ("
                            + fmts.get(n - 1) + " and " + p.format() + "): use the same letter each time");
                }
                sql.append(literals.get(i)).append('$').append(n);
            }
            this.names = List.copyOf(number.keySet());
            this.formats = fmts.toArray(new Format[0]);
        } else {
            this.names = List.of();
            this.formats = new Format[placeholders.size()];
            for (int i = 0; i < placeholders.size(); i++) {
                formats[i] = placeholders.get(i).format();
                sql.append(literals.get(i)).append('$').append(i + 1);
            }
        }
        sql.append(literals.get(literals.size() - 1));
        this.postgresQuery = sql.toString();
    }

    /** The text between the placeholders (one more than there are placeholders). */
    List<String> literals() {
        return literals;
    }

    /** The placeholders in the order they appear. */
    List<Placeholder> placeholders() {
        return placeholders;
    }

    /** The query as the user wrote it. */
    public String original() {
        return original;
    }

    /** The query with {@code $1..$n} placeholders and {@code %%} turned into {@code %}. */
    public String postgresQuery() {
        return postgresQuery;
    }

    public boolean isNamed() {
        return named;
    }

    /** How many values are sent ({@code $n} count): distinct names for a named query. */
    public int parameterCount() {
        return formats.length;
    }

    /**
     * The format of each {@code $n}: the query's own array, shared (not copied: it is read on
     * every execute), so callers only read it.
     */
    public Format[] formats() {
        return formats;
    }

    /** For a named query, the names in {@code $n} order. */
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    /** Positional values in {@code $n} order, checking their number against the placeholders. */
    public Object[] order(Object[] params) {
        if (named) {
            throw new ProgrammingException("the query uses named placeholders (%(name)s) but positional parameters were"
                    + " passed: pass a Map of the values");
        }
        if (params.length != formats.length) {
            throw new ProgrammingException("the query has " + formats.length + " placeholder" + (formats.length == 1 ? "" : "s")
                    + " but " + params.length + " parameter" + (params.length == 1 ? " was" : "s were") + " passed");
        }
        return params;
    }

    /** Named values in {@code $n} order; every name must be in the map (extra keys are ignored, as in psycopg). */
    public Object[] order(Map<String, ?> params) {
        if (!named) {
            if (formats.length == 0) {
                throw new ProgrammingException("the query has no placeholders but " + params.size()
                        + " named parameters were passed");
            }
            throw new ProgrammingException("the query uses positional placeholders (%s) but a Map of named parameters"
                    + " was passed: use %(name)s placeholders, or pass the values in order");
        }
        Object[] out = new Object[names.size()];
        for (int i = 0; i < out.length; i++) {
            String name = names.get(i);
            if (!params.containsKey(name)) {
                throw new ProgrammingException("query parameter missing: '" + name + "' (the map has " + params.keySet() + ")");
            }
            out[i] = params.get(name);
        }
        return out;
    }

    /**
     * The query with every placeholder replaced by the literal {@code quote} makes of its value
     * ({@code values} in {@code $n} order, as returned by {@code order}): client-side binding.
     */
    public String bindLiterals(Object[] values, Function<Object, String> quote) {
        String[] quoted = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            quoted[i] = quote.apply(values[i]);
        }
        StringBuilder sql = new StringBuilder(original.length() + 16 * values.length);
        for (int i = 0; i < placeholders.size(); i++) {
            sql.append(literals.get(i));
            int n = named ? names.indexOf(placeholders.get(i).name()) : i;
            sql.append(quoted[n]);
        }
        return sql.append(literals.get(literals.size() - 1)).toString();
    }
}
