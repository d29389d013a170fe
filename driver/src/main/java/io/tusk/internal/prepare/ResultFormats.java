package io.tusk.internal.prepare;

import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.internal.adapt.BuiltinTypes;
import io.tusk.internal.protocol.backend.RowDescription;

/**
 * The result format codes a prepared statement's Bind asks for: binary for every column whose
 * type has a binary loader, text for the others (protocol "Bind": one format code per
 * column). Binary values are smaller and cheaper to load; vertx-pg-client does the same.
 *
 * <p>A column stays text when the user registered a text loader for its type but no binary
 * one: the values must come out of the loader the user chose, whatever the protocol format.
 */
public final class ResultFormats {
    private ResultFormats() {
    }

    /** Per-column codes for {@code description} (a statement's Describe answer). */
    public static int[] choose(RowDescription description, AdaptersMap adapters) {
        RowDescription.Field[] fields = description.fields();
        int[] codes = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            codes[i] = hasBinaryLoader(fields[i].typeOid(), adapters) ? 1 : 0;
        }
        return codes;
    }

    /** True when values of {@code oid} can be loaded from binary into what text would give. */
    public static boolean hasBinaryLoader(int oid, AdaptersMap adapters) {
        Loader<?> binary = adapters.loader(oid, Format.BINARY);
        Loader<?> text = adapters.loader(oid, Format.TEXT);
        if (binary == null && text == null) {
            // Arrays of built-in types load with their element's loader (Transformer.loaderFor).
            BuiltinTypes.Type element = BuiltinTypes.elementOf(oid);
            return element != null && element.oid() != oid && hasBinaryLoader(element.oid(), adapters);
        }
        if (binary == null) {
            return false;
        }
        AdaptersMap global = AdaptersMap.global();
        // A text loader overriding the global one, with the binary one left global: keep text.
        return text == null || text == global.loader(oid, Format.TEXT) || binary != global.loader(oid, Format.BINARY);
    }

    /** A copy of {@code d} whose format codes are {@code codes} (the Describe of a statement says 0 for all). */
    public static RowDescription withFormats(RowDescription d, int[] codes) {
        RowDescription.Field[] in = d.fields();
        RowDescription.Field[] out = new RowDescription.Field[in.length];
        for (int i = 0; i < in.length; i++) {
            RowDescription.Field f = in[i];
            int code = codes.length == 0 ? 0 : codes.length == 1 ? codes[0] : codes[i];
            out[i] = new RowDescription.Field(f.name(), f.tableOid(), f.columnNumber(), f.typeOid(), f.typeSize(),
                    f.typeModifier(), code);
        }
        return new RowDescription(out);
    }
}
