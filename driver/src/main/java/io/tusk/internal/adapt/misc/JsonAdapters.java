package io.tusk.internal.adapt.misc;

import static io.tusk.internal.adapt.BuiltinTypes.JSON;
import static io.tusk.internal.adapt.BuiltinTypes.JSONB;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.errors.DataException;
import io.tusk.internal.adapt.Dumpers;
import io.tusk.internal.adapt.TextLoader;
import io.tusk.types.Json;
import io.tusk.types.Jsonb;
import java.util.function.Function;

/**
 * json and jsonb ⟷ the {@link Json}/{@link Jsonb} wrappers (psycopg's {@code types.json}).
 * json's binary format is its text; jsonb's is a version byte (1) and then the text
 * ({@code jsonb_send}).
 */
public final class JsonAdapters {
    private JsonAdapters() {
    }

    public static void register(AdaptersMap m) {
        m.registerDumper(Json.class, Format.BINARY, new Dumpers.Binary<Json>(JSON) {
            @Override
            public byte[] dump(Json value) {
                return dump(value, AdaptContext.DEFAULT);
            }

            @Override
            public byte[] dump(Json value, AdaptContext context) {
                return Dumpers.encode(value.text(), context.charset(), value);
            }
        });
        m.registerDumper(Json.class, Format.TEXT, Dumpers.<Json>text(JSON, Json::text));
        m.registerDumper(Jsonb.class, Format.TEXT, Dumpers.<Jsonb>text(JSONB, Jsonb::text));
        m.registerDumper(Jsonb.class, Format.BINARY, new Dumpers.Binary<Jsonb>(JSONB) {
            @Override
            public byte[] dump(Jsonb value) {
                return dump(value, AdaptContext.DEFAULT);
            }

            @Override
            public byte[] dump(Jsonb value, AdaptContext context) {
                byte[] text = Dumpers.encode(value.text(), context.charset(), value);
                byte[] out = new byte[text.length + 1];
                out[0] = 1;
                System.arraycopy(text, 0, out, 1, text.length);
                return out;
            }
        });
        m.registerLoader(JSON, Format.TEXT, loader(Format.TEXT, false, Json::of));
        m.registerLoader(JSON, Format.BINARY, loader(Format.BINARY, false, Json::of));
        m.registerLoader(JSONB, Format.TEXT, loader(Format.TEXT, false, Jsonb::of));
        m.registerLoader(JSONB, Format.BINARY, loader(Format.BINARY, true, Jsonb::of));
    }

    /** A json/jsonb loader that hands the text to {@code loads}; {@code versioned} for binary jsonb. */
    public static <T> Loader<T> loader(Format format, boolean versioned, Function<String, T> loads) {
        return new Loader<T>() {
            private Loader<String> text = TextLoader.UTF8;

            @Override
            public T load(byte[] b, int off, int len) {
                return load(b, off, len, text);
            }

            private T load(byte[] b, int off, int len, Loader<String> t) {
                if (versioned) {
                    if (len < 1 || b[off] != 1) {
                        throw new DataException("cannot load binary jsonb: unknown format version "
                                + (len < 1 ? "(empty)" : Integer.toString(b[off])) + " (only 1 is defined)");
                    }
                    return loads.apply(t.load(b, off + 1, len - 1));
                }
                return loads.apply(t.load(b, off, len));
            }

            @Override
            public Loader<T> in(AdaptContext context) {
                Loader<String> t = TextLoader.of(context.charset());
                return (b, off, len) -> load(b, off, len, t);
            }
        };
    }
}
