package io.tusk.internal.adapt.composite;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.CompositeInfo;
import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.adapt.TypeInfo;
import io.tusk.errors.DataException;
import io.tusk.internal.adapt.Bin;
import io.tusk.internal.adapt.BuiltinTypes;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.adapt.TextLoader;
import io.tusk.types.Composite;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Composite types and anonymous records (psycopg's {@code types.composite}). Binary form
 * (record_send, {@code utils/adt/rowtypes.c}): int32 field count, then per field its type OID,
 * an int32 length (-1 for NULL) and the value. Anonymous records load with each field's loader
 * from that OID in binary, and as Strings in text (the text form does not say the types).
 * Dumping is in text with the composite's OID, the text form working with any field value the
 * field type's input accepts; binary is used when every field's dumper is of the field's exact
 * type (record_recv refuses any other).
 */
public final class CompositeAdapters {
    private CompositeAdapters() {
    }

    /** The anonymous record loaders and the dumper of untyped Composites. */
    public static void registerBuiltins(AdaptersMap m) {
        m.registerLoader(BuiltinTypes.RECORD, Format.TEXT, new Loader<Composite>() {
            @Override
            public Composite load(byte[] data, int offset, int length) {
                return in(AdaptContext.DEFAULT).load(data, offset, length);
            }

            @Override
            public Loader<Composite> in(AdaptContext context) {
                Loader<String> text = TextLoader.of(context.charset());
                return (b, off, len) -> {
                    List<Object> values = new ArrayList<>();
                    for (byte[] f : RecordText.split(b, off, len)) {
                        values.add(f == null ? null : text.load(f, 0, f.length));
                    }
                    return Composite.of(values);
                };
            }
        });
        m.registerLoader(BuiltinTypes.RECORD, Format.BINARY, new Loader<Composite>() {
            @Override
            public Composite load(byte[] data, int offset, int length) {
                return in(AdaptContext.DEFAULT).load(data, offset, length);
            }

            @Override
            public Loader<Composite> in(AdaptContext context) {
                Transformer tx = new Transformer(context.adapters(), context);
                Map<Integer, Loader<?>> byOid = new HashMap<>();
                return (b, off, len) -> Composite.of(readBinary(b, off, len,
                        (i, oid) -> byOid.computeIfAbsent(oid, o -> tx.loaderFor(o, Format.BINARY))));
            }
        });
        for (Format f : new Format[] {Format.TEXT, Format.BINARY}) {
            m.registerDumper(Composite.class, f, new CompositeDumper<>(f, null, Composite::values));
        }
    }

    /** Loaders for a registered composite type (as Composite, or as {@code type} records) and its dumper. */
    public static <R extends Record> void register(AdaptersMap m, CompositeInfo info, Class<R> type) {
        Function<List<Object>, Object> make;
        if (type == null) {
            make = values -> Composite.of(info.name(), info.fieldNames(), values);
        } else {
            RecordMapping<R> mapping = new RecordMapping<>(type, info);
            make = mapping::make;
            for (Format f : new Format[] {Format.TEXT, Format.BINARY}) {
                m.registerDumper(type, f, new CompositeDumper<>(f, info, mapping::values));
            }
        }
        for (Format f : new Format[] {Format.TEXT, Format.BINARY}) {
            m.registerLoader(info.oid(), f, new TypedLoader(info, f, make));
        }
    }

    private interface FieldLoaders {
        Loader<?> at(int index, int oid);
    }

    /** record_send's fields; the count and every length are checked against the value's bytes first. */
    private static List<Object> readBinary(byte[] b, int off, int len, FieldLoaders loaders) {
        if (len < 4) {
            throw new DataException("cannot load binary composite: " + len + " bytes do not hold its field count");
        }
        int n = Bin.int32(b, off);
        // Each field takes at least its OID and length words.
        if (n < 0 || n > (len - 4) / 8) {
            throw new DataException("cannot load binary composite: the value declares "
                    + Integer.toUnsignedString(n) + " fields but holds " + len + " bytes");
        }
        int pos = off + 4;
        int end = off + len;
        List<Object> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (end - pos < 8) {
                throw new DataException("cannot load binary composite: the value ends inside field " + (i + 1));
            }
            int oid = Bin.int32(b, pos);
            int fl = Bin.int32(b, pos + 4);
            pos += 8;
            if (fl < -1 || fl > end - pos) {
                throw new DataException("cannot load binary composite: field " + (i + 1) + " declares " + fl
                        + " bytes where " + (end - pos) + " remain");
            }
            values.add(fl < 0 ? null : loaders.at(i, oid).load(b, pos, fl));
            pos += Math.max(fl, 0);
        }
        if (pos != end) {
            throw new DataException("cannot load binary composite: " + (end - pos) + " bytes left after its " + n
                    + " fields");
        }
        return values;
    }

    /** A registered composite's loader: field loaders chosen once per column from the field types. */
    private static final class TypedLoader implements Loader<Object> {
        private final CompositeInfo info;
        private final Format format;
        private final Function<List<Object>, Object> make;

        TypedLoader(CompositeInfo info, Format format, Function<List<Object>, Object> make) {
            this.info = info;
            this.format = format;
            this.make = make;
        }

        @Override
        public Object load(byte[] data, int offset, int length) {
            return in(AdaptContext.DEFAULT).load(data, offset, length);
        }

        @Override
        public Loader<Object> in(AdaptContext context) {
            Transformer tx = new Transformer(context.adapters(), context);
            List<Integer> types = info.fieldTypes();
            Loader<?>[] fields = new Loader<?>[types.size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = tx.loaderFor(types.get(i), format);
            }
            if (format == Format.BINARY) {
                return (b, off, len) -> make.apply(check(readBinary(b, off, len, (i, oid) ->
                        i < fields.length && oid == types.get(i) ? fields[i] : tx.loaderFor(oid, Format.BINARY))));
            }
            return (b, off, len) -> {
                List<byte[]> raw = RecordText.split(b, off, len);
                if (raw.size() != fields.length) {
                    throw mismatch(raw.size());
                }
                List<Object> values = new ArrayList<>(raw.size());
                for (int i = 0; i < raw.size(); i++) {
                    byte[] f = raw.get(i);
                    values.add(f == null ? null : fields[i].load(f, 0, f.length));
                }
                return make.apply(values);
            };
        }

        private List<Object> check(List<Object> values) {
            if (values.size() != info.fieldTypes().size()) {
                throw mismatch(values.size());
            }
            return values;
        }

        private DataException mismatch(int n) {
            return new DataException("cannot load composite " + info.regtype() + ": " + n + " fields where its"
                    + " CompositeInfo has " + info.fieldNames().size() + ": the type changed, fetch and register it again");
        }
    }

    /**
     * Dumps a composite value: typed when its CompositeInfo is known (given, or registered under a
     * Composite's type name), else as untyped text for the server to infer.
     */
    static final class CompositeDumper<T> implements Dumper<T> {
        private final Format format;
        private final CompositeInfo info;
        private final Function<T, List<Object>> values;

        CompositeDumper(Format format, CompositeInfo info, Function<T, List<Object>> values) {
            this.format = format;
            this.info = info;
            this.values = values;
        }

        @Override
        public int oid() {
            return info == null ? 0 : info.oid();
        }

        @Override
        public Format format() {
            return format;
        }

        @Override
        public byte[] dump(T value) {
            return dump(value, AdaptContext.DEFAULT);
        }

        @Override
        public byte[] dump(T value, AdaptContext context) {
            return upgrade(value, context).dump(value, context);
        }

        @Override
        public Dumper<T> upgrade(T value, AdaptContext context) {
            CompositeInfo typed = info;
            if (typed == null && value instanceof Composite c && c.typeName() != null) {
                Integer oid = context.adapters().oidOf(c.typeName());
                TypeInfo t = oid == null ? null : context.adapters().typeInfo(oid);
                typed = t instanceof CompositeInfo ci ? ci : null;
            }
            Transformer tx = new Transformer(context.adapters(), context);
            List<Object> fields = values.apply(value);
            if (typed != null && fields.size() != typed.fieldTypes().size()) {
                throw new DataException("cannot dump " + value.getClass().getName() + " as " + typed.regtype() + ": "
                        + fields.size() + " values for " + typed.fieldTypes().size() + " fields");
            }
            if (format == Format.BINARY && typed != null) {
                List<Dumper<Object>> ds = new ArrayList<>();
                boolean exact = true;
                for (int i = 0; i < fields.size() && exact; i++) {
                    Object v = fields.get(i);
                    Dumper<Object> d = v == null ? null : tx.dumperFor(v, Format.BINARY);
                    exact = d == null || (d.oid() == typed.fieldTypes().get(i) && d.format() == Format.BINARY);
                    ds.add(d);
                }
                if (exact) {
                    return binary(typed, ds);
                }
            }
            List<Dumper<Object>> ds = new ArrayList<>();
            for (Object v : fields) {
                ds.add(v == null ? null : tx.dumperFor(v, Format.TEXT));
            }
            return text(typed == null ? 0 : typed.oid(), ds);
        }

        private Dumper<T> binary(CompositeInfo typed, List<Dumper<Object>> ds) {
            return new Fixed<>(typed.oid(), Format.BINARY, (value, ctx) -> {
                List<Object> fields = values.apply(value);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(Bin.of32(fields.size()));
                for (int i = 0; i < fields.size(); i++) {
                    out.writeBytes(Bin.of32(typed.fieldTypes().get(i)));
                    Object v = fields.get(i);
                    if (v == null) {
                        out.writeBytes(Bin.of32(-1));
                    } else {
                        byte[] bytes = ds.get(i).dump(v, ctx);
                        out.writeBytes(Bin.of32(bytes.length));
                        out.writeBytes(bytes);
                    }
                }
                return out.toByteArray();
            });
        }

        private Dumper<T> text(int oid, List<Dumper<Object>> ds) {
            return new Fixed<>(oid, Format.TEXT, (value, ctx) -> {
                List<Object> fields = values.apply(value);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write('(');
                for (int i = 0; i < fields.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    Object v = fields.get(i);
                    RecordText.writeField(v == null ? null : ds.get(i).dump(v, ctx), out);
                }
                out.write(')');
                return out.toByteArray();
            });
        }
    }

    private interface Body<T> {
        byte[] dump(T value, AdaptContext context);
    }

    private record Fixed<T>(int oid, Format format, Body<T> body) implements Dumper<T> {
        @Override
        public byte[] dump(T value) {
            return body.dump(value, AdaptContext.DEFAULT);
        }

        @Override
        public byte[] dump(T value, AdaptContext context) {
            return body.dump(value, context);
        }
    }
}
