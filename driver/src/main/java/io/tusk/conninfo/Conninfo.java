package io.tusk.conninfo;

import io.tusk.errors.ProgrammingException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A libpq connection string ("conninfo"), parsed into an immutable, ordered map of parameter key
 * words: psycopg's {@code conninfo_to_dict} and {@code make_conninfo} as one value.
 *
 * <pre>{@code
 * Conninfo info = Conninfo.parse("postgresql://app:secret@db1:5432,db2:5433/sales?sslmode=require");
 * info.get("host");      // "db1,db2"
 * info.get("port");      // "5432,5433"
 * info.toString();       // "user=app host=db1,db2 port=5432,5433 dbname=sales sslmode=require"
 *
 * String dsn = Conninfo.make("dbname=sales", Map.of("user", "app", "connect_timeout", 10));
 * // "dbname=sales user=app connect_timeout=10"
 *
 * ConnectionSettings settings = info.resolve(); // + service file, PG* variables, ~/.pgpass, defaults
 * }</pre>
 *
 * <p>{@link #parse} accepts both forms libpq accepts (PostgreSQL docs, "Connection Strings"): the
 * {@code key=value} form and {@code postgresql://} / {@code postgres://} URIs. Unknown key words are
 * errors, as in libpq ({@code invalid connection option "foo"}), and values of enumerated and
 * numeric parameters are checked at once ({@code invalid sslmode value: "maybe"}); every error is
 * a {@link ProgrammingException}. Keys keep the order they were written in.
 *
 * <p>Secrets ({@code password}, {@code sslpassword}) never appear in {@link #toString()} nor in
 * {@link #toSafeString()}; only {@link #toConninfoString()} writes them, to hand the string on.
 */
public final class Conninfo {

    private static final Conninfo EMPTY = new Conninfo(Map.of());

    /** Insertion-ordered and unmodifiable. */
    private final Map<String, String> params;

    private Conninfo(Map<String, String> params) {
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The empty connection string: every parameter from the environment or its default. */
    public static Conninfo empty() {
        return EMPTY;
    }

    /**
     * Parses a connection string in either form; an empty string (or {@code null}) gives
     * {@link #empty()}.
     *
     * @throws ProgrammingException when the string is malformed (the message names the position),
     *         names an unknown key word, or gives a key an invalid value
     */
    public static Conninfo parse(String conninfo) {
        if (conninfo == null || conninfo.isEmpty()) {
            return EMPTY;
        }
        return new Conninfo(UriParser.isUri(conninfo)
                ? UriParser.parse(conninfo)
                : KeywordValueParser.parse(conninfo));
    }

    /**
     * A connection string from a map of key words to values ({@code Map.of("host", "db",
     * "port", 5433)}), keys in libpq's key word order whatever the map's order; values are written
     * by {@code toString()}, booleans as {@code 1}/{@code 0}; {@code null} values are skipped.
     *
     * @throws ProgrammingException for an unknown key word or an invalid value
     */
    public static Conninfo of(Map<String, ?> params) {
        return EMPTY.merge(params);
    }

    /**
     * Merges a connection string with parameters that override it, as psycopg's
     * {@code make_conninfo(conninfo, **kwargs)}, and writes the result in {@code key=value} form.
     *
     * <p>Keys of {@code base} keep their place; new keys follow in libpq's key word order, so the
     * result does not depend on the map's iteration order. A {@code null} value removes the key
     * (psycopg merely ignores {@code None}: Java maps need a way to say "remove"). With no
     * overrides, {@code base} is checked and returned unchanged, URI form included.
     *
     * <pre>{@code
     * Conninfo.make("postgresql://host1/test", Map.of("host", "host2"));  // "host=host2 dbname=test"
     * Conninfo.make("dbname=a user=b", Collections.singletonMap("user", null));  // "dbname=a"
     * }</pre>
     *
     * @throws ProgrammingException when {@code base} is malformed or an override is invalid
     */
    public static String make(String base, Map<String, ?> overrides) {
        String text = base == null ? "" : base;
        Conninfo parsed = parse(text);
        if (overrides == null || overrides.isEmpty()) {
            return text;
        }
        return parsed.merge(overrides).toConninfoString();
    }

    /**
     * Writes one value for the {@code key=value} form as psycopg's {@code _param_escape}: an empty
     * value becomes {@code ''}, backslashes and single quotes are escaped with a backslash, and a
     * value holding whitespace is put in single quotes.
     *
     * <pre>{@code
     * Conninfo.escape("my db");  // "'my db'"
     * Conninfo.escape("it's");   // "it\\'s"
     * Conninfo.escape("");       // "''"
     * }</pre>
     */
    public static String escape(String value) {
        if (value.isEmpty()) {
            return "''";
        }
        StringBuilder out = new StringBuilder(value.length() + 2);
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\'') {
                out.append('\\');
            }
            space |= KeywordValueParser.isSpace(c) || Character.isWhitespace(c);
            out.append(c);
        }
        return space ? "'" + out + "'" : out.toString();
    }

    /** Every parameter key word Tusk accepts, in libpq's order. */
    public static List<String> keys() {
        return Params.names();
    }

    /** The value of a key word, or {@code null} when the string does not set it. */
    public String get(String key) {
        return params.get(key);
    }

    /** Whether the string sets this key word (possibly to an empty value). */
    public boolean containsKey(String key) {
        return params.containsKey(key);
    }

    /** Whether the string sets no parameter at all. */
    public boolean isEmpty() {
        return params.isEmpty();
    }

    /** The parameters, in the order they were written; unmodifiable. Includes the password. */
    public Map<String, String> asMap() {
        return params;
    }

    /**
     * This connection string with one parameter set (in its old place if it was there, else at
     * the end), or removed if {@code value} is {@code null}.
     *
     * @throws ProgrammingException for an unknown key word or an invalid value
     */
    public Conninfo with(String key, Object value) {
        return merge(Collections.singletonMap(key, value));
    }

    /** This connection string without the given key word. */
    public Conninfo without(String key) {
        if (!params.containsKey(key)) {
            return this;
        }
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.remove(key);
        return new Conninfo(copy);
    }

    /**
     * This connection string with several parameters overridden: existing keys keep their place,
     * new keys follow in libpq's order, {@code null} values remove keys.
     *
     * @throws ProgrammingException for an unknown key word or an invalid value
     */
    public Conninfo merge(Map<String, ?> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<String, String> copy = new LinkedHashMap<>(params);
        List<String> keys = new ArrayList<>(overrides.keySet());
        keys.sort(Comparator.comparingInt(Params::order));
        for (String key : keys) {
            Object value = overrides.get(key);
            if (value == null) {
                Params.param(key, ""); // an unknown key is an error even when removed
                copy.remove(key);
            } else {
                String text = valueText(value);
                Params.check(key, text, "");
                copy.put(key, text);
            }
        }
        return new Conninfo(copy);
    }

    /** This connection string without {@code password} and {@code sslpassword}. */
    public Conninfo withoutPassword() {
        Conninfo result = this;
        for (String secret : Params.SECRETS) {
            result = result.without(secret);
        }
        return result;
    }

    /**
     * The {@code key=value} form, secrets included: for handing the string on to a connection,
     * never for a log or a message.
     */
    public String toConninfoString() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(e.getKey()).append('=').append(escape(e.getValue()));
        }
        return out.toString();
    }

    /**
     * The {@code key=value} form without {@code password} and {@code sslpassword}: what
     * psycopg's {@code ConnectionInfo.dsn} shows.
     */
    public String toSafeString() {
        return withoutPassword().toConninfoString();
    }

    /**
     * Resolves this string into the settings a connection uses, with the real environment:
     * service file, {@code PG*} variables, {@code ~/.pgpass} and libpq's defaults.
     *
     * @throws ProgrammingException when a setting is invalid or the host, hostaddr and port lists
     *         do not match
     */
    public ConnectionSettings resolve() {
        return resolve(Environment.system());
    }

    /** As {@link #resolve()}, reading variables, user name, home directory and files from {@code env}. */
    public ConnectionSettings resolve(Environment env) {
        return SettingsResolver.resolve(this, env);
    }

    /** The same as {@link #toSafeString()}: a connection string is often logged, its password must not be. */
    @Override
    public String toString() {
        return toSafeString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Conninfo && ((Conninfo) o).params.equals(params);
    }

    @Override
    public int hashCode() {
        return params.hashCode();
    }

    /**
     * How a Java value is written as a parameter value: {@link Boolean} as {@code 1}/{@code 0}
     * (what {@code keepalives} and {@code sslsni} expect), anything else by {@code toString()}.
     */
    static String valueText(Object value) {
        Objects.requireNonNull(value);
        if (value instanceof Boolean) {
            return ((Boolean) value) ? "1" : "0";
        }
        return value.toString();
    }
}
