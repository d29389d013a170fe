package io.tusk.internal.adapt;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import io.tusk.errors.DataException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Small bases for built-in dumpers: text ones encode in the session charset, binary ones make bytes. */
public final class Dumpers {
    private Dumpers() {
    }

    /** A dumper of the text form of a value; {@code toText} must not return text with NUL. */
    public abstract static class Text<T> implements Dumper<T> {
        private final int oid;

        protected Text(int oid) {
            this.oid = oid;
        }

        /** The value's text form as PostgreSQL's input function reads it. */
        protected abstract String text(T value);

        @Override
        public int oid() {
            return oid;
        }

        @Override
        public Format format() {
            return Format.TEXT;
        }

        @Override
        public byte[] dump(T value) {
            return dump(value, AdaptContext.DEFAULT);
        }

        @Override
        public byte[] dump(T value, AdaptContext context) {
            return encode(text(value), context.charset(), value);
        }
    }

    /** A binary dumper: the type's send format ({@code typsend}). */
    public abstract static class Binary<T> implements Dumper<T> {
        private final int oid;

        protected Binary(int oid) {
            this.oid = oid;
        }

        @Override
        public int oid() {
            return oid;
        }

        @Override
        public Format format() {
            return Format.BINARY;
        }
    }

    public static <T> Dumper<T> text(int oid, Function<T, String> toText) {
        return new Text<>(oid) {
            @Override
            protected String text(T value) {
                return toText.apply(value);
            }
        };
    }

    public static <T> Dumper<T> binary(int oid, Function<T, byte[]> toBytes) {
        return new Binary<>(oid) {
            @Override
            public byte[] dump(T value) {
                return toBytes.apply(value);
            }
        };
    }

    /** A dumper that renders SQL literals with {@code quote} (psycopg's {@code Dumper.quote}). */
    public static <T> Dumper<T> withQuote(Dumper<T> d, Function<T, String> quote) {
        return new Dumper<>() {
            @Override
            public int oid() {
                return d.oid();
            }

            @Override
            public Format format() {
                return d.format();
            }

            @Override
            public byte[] dump(T value) {
                return d.dump(value);
            }

            @Override
            public byte[] dump(T value, AdaptContext context) {
                return d.dump(value, context);
            }

            @Override
            public String quote(T value) {
                return quote.apply(value);
            }
        };
    }

    /**
     * A number as an SQL literal, as psycopg writes it: bare, with a space before a minus sign so
     * that {@code 1-%s} cannot become the comment {@code 1--1}.
     */
    public static String quoteNumber(String digits) {
        return digits.startsWith("-") ? " " + digits : digits;
    }

    /** A float as an SQL literal: NaN and the infinities are quoted and cast, as psycopg does. */
    public static String quoteFloat(double d, String type) {
        if (Double.isNaN(d)) {
            return "'NaN'::" + type;
        }
        if (Double.isInfinite(d)) {
            return (d > 0 ? "'Infinity'::" : "'-Infinity'::") + type;
        }
        return quoteNumber(type.equals("float4") ? String.valueOf((float) d) : String.valueOf(d));
    }

    /**
     * Text in the client encoding, refusing what PostgreSQL would refuse or what the charset
     * cannot hold (rather than sending '?' in its place): NUL characters and unmappable ones.
     */
    public static byte[] encode(String s, Charset cs, Object value) {
        if (s.indexOf('\0') >= 0) {
            throw new DataException("cannot dump " + describe(value) + ": PostgreSQL text cannot contain NUL (0x00)"
                    + " characters: remove them or send the value as bytea (byte[])");
        }
        if (cs == StandardCharsets.UTF_8 && !hasSurrogate(s)) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        try {
            ByteBuffer bb = cs.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(s));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new DataException("cannot dump " + describe(value) + ": it has characters the client encoding "
                    + cs.name() + " cannot represent (or a lone UTF-16 surrogate): use client_encoding=UTF8", e);
        }
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** "a java.lang.String" style naming for error messages, without the value (it may be secret). */
    public static String describe(Object value) {
        return "a " + value.getClass().getName();
    }
}
