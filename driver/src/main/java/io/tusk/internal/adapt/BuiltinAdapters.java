package io.tusk.internal.adapt;

import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The adapters every connection starts with, registered in {@link AdaptersMap#global()}. This is
 * the minimal text set the cursor work builds on; the "Type adaptation" issue completes it with
 * every built-in type in text and binary.
 */
public final class BuiltinAdapters {
    public static final Loader<byte[]> BYTES_LOADER = (b, off, len) -> java.util.Arrays.copyOfRange(b, off, off + len);
    private static final Loader<String> UTF8_TEXT = (b, off, len) -> new String(b, off, len, StandardCharsets.UTF_8);

    private BuiltinAdapters() {
    }

    public static Loader<String> textLoader(Charset cs) {
        return cs == StandardCharsets.UTF_8 ? UTF8_TEXT : (b, off, len) -> new String(b, off, len, cs);
    }

    /** The type name of a built-in OID, for casts in client-side literals. */
    public static String typeName(int oid) {
        return switch (oid) {
            case 16 -> "bool";
            case 17 -> "bytea";
            case 20 -> "int8";
            case 21 -> "int2";
            case 23 -> "int4";
            case 700 -> "float4";
            case 701 -> "float8";
            case 1700 -> "numeric";
            default -> "\"unknown\"";
        };
    }

    static {
        register(AdaptersMap.global());
    }

    /** Makes sure the global map is initialised (class loading registers the built-ins once). */
    public static void ensureRegistered() {
        // the static initialiser did the work
    }

    private static void register(AdaptersMap m) {
        m.registerDumper(String.class, Format.TEXT, text(0, String::valueOf));
        m.registerDumper(Short.class, Format.TEXT, text(21, String::valueOf));
        m.registerDumper(Integer.class, Format.TEXT, text(23, String::valueOf));
        m.registerDumper(Long.class, Format.TEXT, text(20, String::valueOf));
        m.registerDumper(BigInteger.class, Format.TEXT, text(1700, String::valueOf));
        m.registerDumper(BigDecimal.class, Format.TEXT, text(1700, BigDecimal::toPlainString));
        m.registerDumper(Double.class, Format.TEXT, text(701, String::valueOf));
        m.registerDumper(Float.class, Format.TEXT, text(700, String::valueOf));
        m.registerDumper(Boolean.class, Format.TEXT, text(16, b -> b ? "t" : "f"));
    }

    private static <T> Dumper<T> text(int oid, java.util.function.Function<T, String> toText) {
        return new Dumper<>() {
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
                return toText.apply(value).getBytes(StandardCharsets.UTF_8);
            }
        };
    }
}
