package io.tusk.internal.adapt;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.protocol.backend.RowDescription;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * Applies an {@link AdaptersMap} to one execution: dumps the parameters (choosing a dumper per
 * value) and picks a loader per result column once, before any row is read (psycopg's
 * {@code Transformer}). Lists and Java arrays (other than byte[]) become PostgreSQL arrays of
 * their elements' type unless a dumper is registered for them; array columns load as Lists
 * with the element type's loader.
 */
public final class Transformer {
    private static final Loader<byte[]> BYTES_LOADER = (b, off, len) -> java.util.Arrays.copyOfRange(b, off, off + len);

    private final AdaptersMap adapters;
    private final AdaptContext context;

    /** A transformer for a session known only by its charset: time zone UTC. */
    public Transformer(AdaptersMap adapters, Charset charset) {
        this(adapters, AdaptContext.of(charset, Map.of()));
    }

    /**
     * A transformer for a session: pass {@code AdaptContext.of(session.charset(), session.parameters())}
     * so that timestamptz follows the session's TimeZone.
     */
    public Transformer(AdaptersMap adapters, AdaptContext context) {
        AdaptersMap.global(); // registers the built-in adapters, once
        this.adapters = adapters;
        this.context = context.adapters() == adapters ? context : context.with(adapters);
    }

    public AdaptersMap adapters() {
        return adapters;
    }

    public Charset charset() {
        return context.charset();
    }

    public AdaptContext context() {
        return context;
    }

    /** Parameters ready for Bind: one OID (0 = let the server infer), format code and value each. */
    public record Params(int[] oids, int[] formats, byte[][] values) {
    }

    /**
     * Dumps parameter values; {@code formats[i]} is the placeholder's format (%s AUTO, %t, %b),
     * or null for all AUTO.
     */
    public Params dump(Object[] values, Format[] formats) {
        int n = values.length;
        int[] oids = new int[n];
        int[] codes = new int[n];
        byte[][] bytes = new byte[n][];
        for (int i = 0; i < n; i++) {
            Object v = values[i];
            if (v == null) {
                continue; // NULL: no bytes, OID 0, text
            }
            Dumper<Object> d = dumperFor(v, formats == null ? Format.AUTO : formats[i]);
            oids[i] = d.oid();
            codes[i] = d.format().code();
            try {
                bytes[i] = d.dump(v, context);
            } catch (io.tusk.errors.TuskException e) {
                throw e;
            } catch (RuntimeException e) {
                // A dumper's own failure (a user's dumper): nothing was sent, the connection goes on.
                throw new io.tusk.errors.DataException("could not dump parameter " + (i + 1) + " ("
                        + v.getClass().getName() + "): " + e.getMessage(), e);
            }
        }
        return new Params(oids, codes, bytes);
    }

    /** The dumper for one value, after its {@code upgrade}; a clear error when there is none. */
    @SuppressWarnings("unchecked")
    public Dumper<Object> dumperFor(Object value, Format format) {
        Class<Object> type = (Class<Object>) value.getClass();
        Dumper<? super Object> d = adapters.dumper(type, format);
        if (d == null && format == Format.AUTO) {
            d = adapters.dumper(type, Format.TEXT);
        }
        if (d == null && ArrayDumper.isArrayLike(value)) {
            return ArrayDumper.of(value, format, this);
        }
        if (d == null) {
            throw new ProgrammingException("cannot adapt type " + type.getName() + " to PostgreSQL"
                    + (format == Format.AUTO ? "" : " in " + format + " format")
                    + ": register a Dumper for it with adapters().registerDumper(...)");
        }
        return (Dumper<Object>) d.upgrade(value, context);
    }

    /** A loader per column, chosen once for the whole result. */
    public Loader<?>[] loaders(RowDescription description) {
        // A prepared statement hands out the same description at every execution (and a cursor
        // keeps its Transformer): resolve its loaders once, until an adapter is registered.
        long generation = AdaptersMap.registrations();
        Resolved last = lastResolved;
        // Date/time loaders are bound to the session's DateStyle, IntervalStyle and TimeZone:
        // a SET of one of them (reported by ParameterStatus) chooses the loaders again.
        // (Identity comparisons: the session's map hands out the same String until a new report.)
        String dateStyle = context.parameter("DateStyle");
        String intervalStyle = context.parameter("IntervalStyle");
        String timeZone = context.parameter("TimeZone");
        if (last != null && last.description == description && last.generation == generation
                && last.dateStyle == dateStyle && last.intervalStyle == intervalStyle && last.timeZone == timeZone) {
            return last.loaders;
        }
        RowDescription.Field[] fields = description.fields();
        Loader<?>[] out = new Loader<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Loader<?> l = loaderFor(fields[i].typeOid(), Format.ofCode(fields[i].format()));
            out[i] = new ColumnLoader<>(l, fields[i].name(), typeName(fields[i].typeOid()));
        }
        lastResolved = new Resolved(description, generation, dateStyle, intervalStyle, timeZone, out);
        return out;
    }

    /** The last loaders(...) answer, as one immutable object: a Transformer may be used from several threads. */
    private record Resolved(RowDescription description, long generation, String dateStyle, String intervalStyle,
            String timeZone, Loader<?>[] loaders) {
    }

    private volatile Resolved lastResolved;

    /**
     * The loader for an OID, bound to this session; arrays of built-in types load as Lists,
     * other unknown types as String (text) or byte[] (binary).
     */
    public Loader<?> loaderFor(int oid, Format format) {
        Loader<?> l = adapters.loader(oid, format);
        if (l != null) {
            return l.in(context);
        }
        BuiltinTypes.Type element = BuiltinTypes.elementOf(oid);
        if (element != null) {
            return ArrayLoaders.of(format, element.oid(), this);
        }
        return format == Format.BINARY ? BYTES_LOADER : TextLoader.of(context.charset());
    }

    /** A type's name for messages: built in or registered, else its OID. */
    public String typeName(int oid) {
        String name = castName(oid);
        return name != null ? name : oid == BuiltinTypes.TEXT ? "text" : "OID " + oid;
    }

    /** A value as an SQL literal, for client-side binding. */
    public String quote(Object value) {
        if (value == null) {
            return "NULL";
        }
        Dumper<Object> d = dumperFor(value, Format.TEXT);
        String q = d.quote(value, context);
        if (q != null) {
            return q;
        }
        String literal = Literals.quoteString(new String(d.dump(value, context), context.charset()));
        String cast = castName(d.oid());
        return cast == null ? literal : literal + "::" + cast;
    }

    /** The type to cast a quoted literal to, as psycopg does for any OID but unknown (0) and text. */
    private String castName(int oid) {
        if (oid == 0 || oid == BuiltinTypes.TEXT) {
            return null;
        }
        String builtin = BuiltinTypes.castName(oid);
        if (builtin != null) {
            return builtin;
        }
        io.tusk.adapt.TypeInfo info = adapters.typeInfo(oid);
        if (info != null) {
            return info.regtype();
        }
        info = adapters.typeInfoOfArray(oid);
        return info == null ? null : info.regtype() + "[]";
    }
}
