package io.tusk.internal.adapt;

import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.protocol.backend.RowDescription;
import java.nio.charset.Charset;

/**
 * Applies an {@link AdaptersMap} to one execution: dumps the parameters (choosing a dumper per
 * value) and picks a loader per result column once, before any row is read (psycopg's
 * {@code Transformer}).
 */
public final class Transformer {
    private final AdaptersMap adapters;
    private final Charset charset;

    public Transformer(AdaptersMap adapters, Charset charset) {
        this.adapters = adapters;
        this.charset = charset;
    }

    public AdaptersMap adapters() {
        return adapters;
    }

    public Charset charset() {
        return charset;
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
            bytes[i] = d.dump(v);
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
        if (d == null) {
            throw new ProgrammingException("cannot adapt type " + type.getName() + " to PostgreSQL"
                    + (format == Format.AUTO ? "" : " in " + format + " format")
                    + ": register a Dumper for it with adapters().registerDumper(...)");
        }
        return (Dumper<Object>) d.upgrade(value);
    }

    /** A loader per column, chosen once for the whole result. */
    public Loader<?>[] loaders(RowDescription description) {
        RowDescription.Field[] fields = description.fields();
        Loader<?>[] out = new Loader<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            out[i] = loaderFor(fields[i].typeOid(), Format.ofCode(fields[i].format()));
        }
        return out;
    }

    /** The loader for an OID, falling back to text as String and binary as byte[] for unknown types. */
    public Loader<?> loaderFor(int oid, Format format) {
        Loader<?> l = adapters.loader(oid, format);
        if (l != null) {
            return l;
        }
        return format == Format.BINARY ? BuiltinAdapters.BYTES_LOADER : BuiltinAdapters.textLoader(charset);
    }

    /** A value as an SQL literal, for client-side binding. */
    public String quote(Object value) {
        if (value == null) {
            return "NULL";
        }
        Dumper<Object> d = dumperFor(value, Format.TEXT);
        String q = d.quote(value);
        if (q != null) {
            return q;
        }
        String literal = Literals.quoteString(new String(d.dump(value), charset));
        return d.oid() == 0 ? literal : literal + "::" + BuiltinAdapters.typeName(d.oid());
    }
}
