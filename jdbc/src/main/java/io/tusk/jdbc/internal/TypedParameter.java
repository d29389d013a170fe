package io.tusk.jdbc.internal;

import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import java.nio.charset.StandardCharsets;

/**
 * A parameter sent in text with the type {@code setObject(i, x, targetSqlType)} named, as pgjdbc
 * sends it: {@code setObject(i, 42, Types.INTEGER)} is an int4 (Tusk's own integer dumper would
 * pick the smallest type, int2), {@code Types.VARCHAR} a varchar. The server parses the text as
 * that type. Its dumper is registered once on the global adapters; only this face makes these.
 */
record TypedParameter(String text, int oid) {

    static {
        AdaptersMap.global().registerDumper(TypedParameter.class, Format.TEXT, new TypedDumper(0));
    }

    /** Makes sure the dumper is registered before the first value is bound. */
    static TypedParameter of(String text, int oid) {
        return new TypedParameter(text, oid);
    }

    private record TypedDumper(int oid) implements Dumper<TypedParameter> {
        @Override
        public Format format() {
            return Format.TEXT;
        }

        @Override
        public byte[] dump(TypedParameter value) {
            return value.text().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Dumper<? super TypedParameter> upgrade(TypedParameter value) {
            return value.oid() == oid ? this : new TypedDumper(value.oid());
        }
    }
}
