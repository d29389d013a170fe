package io.tusk.internal.adapt;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.Loader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * text, varchar, bpchar, name, "char", xml and unknown ⟶ String, decoded in the client encoding
 * (the binary format of these types is the text itself, so one loader serves both formats).
 */
public final class TextLoader implements Loader<String> {
    public static final TextLoader UTF8 = new TextLoader(StandardCharsets.UTF_8);

    private final Charset charset;

    private TextLoader(Charset charset) {
        this.charset = charset;
    }

    public static TextLoader of(Charset cs) {
        return cs == StandardCharsets.UTF_8 ? UTF8 : new TextLoader(cs);
    }

    @Override
    public String load(byte[] data, int offset, int length) {
        return new String(data, offset, length, charset);
    }

    @Override
    public Loader<String> in(AdaptContext context) {
        return context.charset() == charset ? this : of(context.charset());
    }
}
