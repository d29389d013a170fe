package io.tusk.internal.adapt.misc;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.EnumInfo;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.errors.DataException;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.Dumpers;
import io.tusk.internal.adapt.TextLoader;
import java.nio.charset.Charset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Enums (psycopg's {@code types.enum}): an enum value's text and binary forms are both its label
 * in the client encoding. Unregistered Java enums dump as their name with OID 0 (the server
 * infers the enum type from the context), as psycopg dumps Python enums.
 */
public final class EnumAdapters {
    private EnumAdapters() {
    }

    /** The default for every Java enum: its {@code name()} as untyped text. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void registerDefault(AdaptersMap m) {
        m.registerDumper((Class) Enum.class, Format.TEXT, Dumpers.<Enum<?>>text(0, Enum::name));
    }

    public static void registerLabels(AdaptersMap m, EnumInfo info) {
        for (Format f : new Format[] {Format.TEXT, Format.BINARY}) {
            m.registerLoader(info.oid(), f, TextLoader.UTF8);
        }
    }

    public static <E extends Enum<E>> void registerJavaEnum(AdaptersMap m, EnumInfo info, Class<E> type) {
        Map<String, E> byLabel = new HashMap<>();
        Map<E, String> labelOf = new EnumMap<>(type);
        for (String label : info.labels()) {
            E constant = constantFor(type, label);
            if (constant == null) {
                throw new ProgrammingException("enum " + info.regtype() + " has the label '" + label + "' but "
                        + type.getName() + " has no constant of that name: add it (the match ignores case)");
            }
            byLabel.put(label, constant);
            labelOf.put(constant, label);
        }
        for (E c : type.getEnumConstants()) {
            if (!labelOf.containsKey(c)) {
                throw new ProgrammingException(type.getName() + "." + c.name() + " has no label in enum "
                        + info.regtype() + " (labels: " + info.labels() + ")");
            }
        }
        for (Format f : new Format[] {Format.TEXT, Format.BINARY}) {
            m.registerLoader(info.oid(), f, new Loader<E>() {
                @Override
                public E load(byte[] data, int offset, int length) {
                    return in(AdaptContext.DEFAULT).load(data, offset, length);
                }

                @Override
                public Loader<E> in(AdaptContext context) {
                    Charset cs = context.charset();
                    return (b, off, len) -> {
                        String label = new String(b, off, len, cs);
                        E e = byLabel.get(label);
                        if (e == null) {
                            throw new DataException("cannot load enum " + info.regtype() + " label '" + label
                                    + "' as " + type.getName() + ": the label was added after the EnumInfo was"
                                    + " fetched: fetch and register it again");
                        }
                        return e;
                    };
                }
            });
        }
        // enum_send is the label's bytes, as the text form is.
        m.registerDumper(type, Format.BINARY, new Dumpers.Binary<E>(info.oid()) {
            @Override
            public byte[] dump(E value) {
                return dump(value, AdaptContext.DEFAULT);
            }

            @Override
            public byte[] dump(E value, AdaptContext context) {
                return Dumpers.encode(labelOf.get(value), context.charset(), value);
            }
        });
        m.registerDumper(type, Format.TEXT, Dumpers.<E>text(info.oid(), labelOf::get));
    }

    private static <E extends Enum<E>> E constantFor(Class<E> type, String label) {
        E loose = null;
        for (E c : type.getEnumConstants()) {
            if (c.name().equals(label)) {
                return c;
            }
            if (c.name().toUpperCase(Locale.ROOT).equals(label.toUpperCase(Locale.ROOT))) {
                loose = c;
            }
        }
        return loose;
    }
}
