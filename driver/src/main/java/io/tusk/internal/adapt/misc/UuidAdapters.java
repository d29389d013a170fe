package io.tusk.internal.adapt.misc;

import static io.tusk.internal.adapt.BuiltinTypes.UUID;

import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Format;
import io.tusk.internal.adapt.Ascii;
import io.tusk.internal.adapt.Bin;
import io.tusk.internal.adapt.Dumpers;

/** uuid ⟷ java.util.UUID: 16 bytes big-endian in binary, the canonical 8-4-4-4-12 form in text. */
public final class UuidAdapters {
    private UuidAdapters() {
    }

    public static void register(AdaptersMap m) {
        m.registerDumper(java.util.UUID.class, Format.TEXT, Dumpers.<java.util.UUID>text(UUID, java.util.UUID::toString));
        m.registerDumper(java.util.UUID.class, Format.BINARY, Dumpers.<java.util.UUID>binary(UUID, u -> {
            byte[] b = new byte[16];
            Bin.put64(b, 0, u.getMostSignificantBits());
            Bin.put64(b, 8, u.getLeastSignificantBits());
            return b;
        }));
        m.registerLoader(UUID, Format.TEXT, (b, off, len) -> {
            try {
                return java.util.UUID.fromString(Ascii.string(b, off, len));
            } catch (IllegalArgumentException e) {
                throw Ascii.bad(b, off, len, "uuid");
            }
        });
        m.registerLoader(UUID, Format.BINARY, (b, off, len) -> {
            Bin.expectLength(len, 16, "uuid");
            return new java.util.UUID(Bin.int64(b, off), Bin.int64(b, off + 8));
        });
    }
}
