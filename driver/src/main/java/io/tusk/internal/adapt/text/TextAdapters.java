package io.tusk.internal.adapt.text;

import static io.tusk.internal.adapt.BuiltinTypes.BPCHAR;
import static io.tusk.internal.adapt.BuiltinTypes.BYTEA;
import static io.tusk.internal.adapt.BuiltinTypes.CHAR;
import static io.tusk.internal.adapt.BuiltinTypes.NAME;
import static io.tusk.internal.adapt.BuiltinTypes.TEXT;
import static io.tusk.internal.adapt.BuiltinTypes.UNKNOWN;
import static io.tusk.internal.adapt.BuiltinTypes.VARCHAR;
import static io.tusk.internal.adapt.BuiltinTypes.XML;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Format;
import io.tusk.internal.adapt.Dumpers;
import io.tusk.internal.adapt.TextLoader;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Strings and bytes (psycopg's {@code types.string}). A String is dumped in text with OID 0, so
 * the server infers its type from the context ({@code WHERE jsonb_col = %s}, {@code date_col}
 * ...), as psycopg does; in binary it must say text (25). byte[] and ByteBuffer are bytea,
 * binary by default.
 */
public final class TextAdapters {
    private TextAdapters() {
    }

    public static void register(AdaptersMap m) {
        m.registerDumper(String.class, Format.BINARY, new Dumpers.Binary<String>(TEXT) {
            @Override
            public byte[] dump(String value) {
                return dump(value, AdaptContext.DEFAULT);
            }

            @Override
            public byte[] dump(String value, AdaptContext context) {
                return Dumpers.encode(value, context.charset(), value);
            }
        });
        // Registered last: text, with OID 0, is the AUTO choice.
        m.registerDumper(String.class, Format.TEXT, Dumpers.<String>text(0, s -> s));
        m.registerDumper(Character.class, Format.TEXT, Dumpers.<Character>text(0, String::valueOf));
        for (int oid : new int[] {TEXT, VARCHAR, BPCHAR, NAME, CHAR, UNKNOWN, XML}) {
            m.registerLoader(oid, Format.TEXT, TextLoader.UTF8);
            m.registerLoader(oid, Format.BINARY, TextLoader.UTF8);
        }

        m.registerDumper(byte[].class, Format.TEXT, hexDumper(b -> b));
        m.registerDumper(byte[].class, Format.BINARY, Dumpers.<byte[]>binary(BYTEA, b -> b));
        m.registerDumper(ByteBuffer.class, Format.TEXT, hexDumper(Bytea::bytes));
        m.registerDumper(ByteBuffer.class, Format.BINARY, Dumpers.<ByteBuffer>binary(BYTEA, Bytea::bytes));
        m.registerLoader(BYTEA, Format.TEXT, Bytea::parse);
        m.registerLoader(BYTEA, Format.BINARY, (b, off, len) -> Arrays.copyOfRange(b, off, off + len));
    }

    /** bytea in the hex text format: ASCII, so the same bytes in every client encoding. */
    private static <T> Dumpers.Text<T> hexDumper(Function<T, byte[]> bytes) {
        return new Dumpers.Text<>(BYTEA) {
            @Override
            protected String text(T value) {
                return new String(Bytea.hex(bytes.apply(value)), java.nio.charset.StandardCharsets.US_ASCII);
            }

            @Override
            public byte[] dump(T value, AdaptContext context) {
                return Bytea.hex(bytes.apply(value));
            }

            /**
             * {@code '\x0102'::bytea} as psycopg writes it; with standard_conforming_strings off the
             * backslash must be doubled inside an escape string.
             */
            @Override
            public String quote(T value, AdaptContext context) {
                String hex = new String(Bytea.hex(bytes.apply(value)), java.nio.charset.StandardCharsets.US_ASCII);
                return "off".equals(context.parameter("standard_conforming_strings"))
                        ? " E'\\\\" + hex.substring(1) + "'::bytea" : "'" + hex + "'::bytea";
            }
        };
    }
}
