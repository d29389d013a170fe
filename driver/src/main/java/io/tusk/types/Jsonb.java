package io.tusk.types;

import java.util.Objects;
import java.util.function.Function;

/**
 * A value to send as (or loaded from) PostgreSQL {@code jsonb}: psycopg's {@code Jsonb} wrapper.
 * The JDK has no JSON library, so the serialisation is pluggable: pass a {@code dumps} function
 * (e.g. Jackson's {@code mapper::writeValueAsString}); a String with no function is taken as
 * JSON text already. Loaded values hold the server's text; register
 * {@code Loaders.json(format, loads)} to parse them into your own type instead.
 *
 * <pre>{@code
 * cur.execute("INSERT INTO t (doc) VALUES (%s)", Jsonb.of("{\"a\": 1}"));
 * cur.execute("INSERT INTO t (doc) VALUES (%s)", Jsonb.of(map, mapper::writeValueAsString));
 * }</pre>
 */
public final class Jsonb {
    private final Object value;
    private final Function<Object, String> dumps;

    private Jsonb(Object value, Function<Object, String> dumps) {
        this.value = Objects.requireNonNull(value, "value");
        this.dumps = dumps;
    }

    /** JSON text as it is. */
    public static Jsonb of(String jsonText) {
        return new Jsonb(jsonText, null);
    }

    /** Any object, serialised by {@code dumps} when it is sent. */
    @SuppressWarnings("unchecked")
    public static <T> Jsonb of(T value, Function<? super T, String> dumps) {
        return new Jsonb(value, (Function<Object, String>) dumps);
    }

    /** The wrapped object (the JSON text for a loaded value). */
    public Object value() {
        return value;
    }

    /** The JSON text. */
    public String text() {
        return Json.text(value, dumps);
    }

    /** Equal when the JSON texts are equal (not the JSON values: key order and spaces count). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Jsonb j && j.text().equals(text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return "Jsonb[" + text() + "]";
    }
}
