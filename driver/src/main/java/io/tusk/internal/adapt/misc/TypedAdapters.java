package io.tusk.internal.adapt.misc;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import io.tusk.errors.ProgrammingException;
import io.tusk.types.Typed;

/**
 * {@link Typed} parameters: the inner value's text form under the named type's OID (the server
 * parses the text as that type, exactly as for a literal of it); a null inner value is a NULL
 * with that OID. Text format always: the inner value's binary form may be another type's.
 */
public final class TypedAdapters {
    private TypedAdapters() {
    }

    public static void register(AdaptersMap m) {
        m.registerDumper(Typed.class, Format.TEXT, new TypedDumper(0, null));
    }

    /** Before {@code upgrade}: OID 0; after it, the named type's OID and the inner value's text dumper. */
    private static final class TypedDumper implements Dumper<Typed> {
        private final int oid;
        private final Dumper<Object> inner;

        TypedDumper(int oid, Dumper<Object> inner) {
            this.oid = oid;
            this.inner = inner;
        }

        @Override
        public int oid() {
            return oid;
        }

        @Override
        public Format format() {
            return Format.TEXT;
        }

        @Override
        public byte[] dump(Typed value) {
            return dump(value, AdaptContext.DEFAULT);
        }

        @Override
        public byte[] dump(Typed value, AdaptContext context) {
            if (value.value() == null) {
                return null;   // a NULL of the type: Bind sends length -1 with the OID above
            }
            Dumper<Object> d = inner != null ? inner : textDumper(value.value(), context);
            return d.dump(value.value(), context);
        }

        @Override
        public Dumper<? super Typed> upgrade(Typed value, AdaptContext context) {
            Integer typeOid = context.adapters().oidOf(value.typeName());
            if (typeOid == null) {
                throw new ProgrammingException("unknown PostgreSQL type \"" + value.typeName() + "\" for a Typed "
                        + "parameter: use a built-in type's name (int4, varchar, date, ...) or register it with "
                        + "adapters().registerTypeName");
            }
            return new TypedDumper(typeOid, value.value() == null ? null : textDumper(value.value(), context));
        }

        @Override
        public String quote(Typed value, AdaptContext context) {
            if (value.value() == null) {
                return "NULL::" + value.typeName();
            }
            String text = new String(dump(value, context), context.charset());
            return "'" + text.replace("'", "''") + "'::" + value.typeName();
        }

        @SuppressWarnings("unchecked")
        private static Dumper<Object> textDumper(Object v, AdaptContext context) {
            Class<Object> type = (Class<Object>) v.getClass();
            Dumper<? super Object> d = context.adapters().dumper(type, Format.TEXT);
            if (d == null) {
                throw new ProgrammingException("cannot adapt type " + type.getName() + " to PostgreSQL text for a "
                        + "Typed parameter: register a Dumper for it with adapters().registerDumper(...)");
            }
            return (Dumper<Object>) d.upgrade(v, context);
        }
    }
}
