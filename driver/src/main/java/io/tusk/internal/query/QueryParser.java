package io.tusk.internal.query;

import io.tusk.adapt.Format;
import io.tusk.errors.ProgrammingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a query written with psycopg's placeholders into literal text and placeholders
 * (psycopg's {@code _split_query}): {@code %s} (AUTO format), {@code %b} (binary), {@code %t}
 * (text), {@code %(name)s} / {@code %(name)b} / {@code %(name)t}, and {@code %%} for a literal
 * percent sign.
 *
 * <pre>{@code
 * ParsedQuery q = QueryParser.parse("SELECT * FROM t WHERE a = %s AND b LIKE 'x%%'");
 * q.postgresQuery();   // SELECT * FROM t WHERE a = $1 AND b LIKE 'x%'
 * }</pre>
 *
 * Any other use of {@code %} is an error raised before anything is sent to the server, as in
 * psycopg: a stray {@code %} would otherwise silently change the query.
 */
public final class QueryParser {
    private static final int CACHE_SIZE = 256;

    /** Recently parsed queries: applications run the same few texts over and over (psycopg uses an LRU too). */
    private static final Map<String, ParsedQuery> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ParsedQuery> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private QueryParser() {
    }

    /** The parsed form of {@code query}, from the cache when it was parsed recently. */
    public static ParsedQuery parse(String query) {
        synchronized (CACHE) {
            ParsedQuery q = CACHE.get(query);
            if (q != null) {
                return q;
            }
        }
        ParsedQuery q = split(query);
        synchronized (CACHE) {
            CACHE.put(query, q);
        }
        return q;
    }

    static ParsedQuery split(String query) {
        List<String> literals = new ArrayList<>();
        List<ParsedQuery.Placeholder> placeholders = new ArrayList<>();
        StringBuilder text = new StringBuilder(query.length());
        int n = query.length();
        int i = 0;
        while (i < n) {
            char c = query.charAt(i);
            if (c != '%') {
                text.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                throw new ProgrammingException("incomplete placeholder: the query ends with a single '%'; "
                        + "write '%%' for a literal percent sign");
            }
            char d = query.charAt(i + 1);
            if (d == '%') {
                text.append('%');
                i += 2;
                continue;
            }
            String name = null;
            int formatAt = i + 1;
            if (d == '(') {
                int close = query.indexOf(')', i + 2);
                if (close < 0) {
                    throw new ProgrammingException("incomplete placeholder: '" + excerpt(query, i)
                            + "': named placeholders look like %(name)s");
                }
                name = query.substring(i + 2, close);
                if (name.isEmpty()) {
                    throw new ProgrammingException("empty placeholder name '%()': named placeholders look like %(name)s");
                }
                formatAt = close + 1;
                if (formatAt >= n) {
                    throw new ProgrammingException("incomplete placeholder: '" + query.substring(i)
                            + "': named placeholders look like %(name)s");
                }
            }
            Format format = formatOf(query.charAt(formatAt));
            if (format == null) {
                throw new ProgrammingException("only '%s', '%b', '%t' are allowed as placeholders, got '"
                        + query.substring(i, formatAt + 1) + "'; write '%%' for a literal percent sign");
            }
            literals.add(text.toString());
            text.setLength(0);
            placeholders.add(new ParsedQuery.Placeholder(name, format));
            i = formatAt + 1;
        }
        literals.add(text.toString());
        return new ParsedQuery(query, literals, placeholders);
    }

    private static Format formatOf(char c) {
        return switch (c) {
            case 's' -> Format.AUTO;
            case 'b' -> Format.BINARY;
            case 't' -> Format.TEXT;
            default -> null;
        };
    }

    private static String excerpt(String q, int from) {
        return q.substring(from, Math.min(q.length(), from + 20));
    }
}
