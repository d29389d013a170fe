package io.tusk.internal.adapt.builtin;

import io.tusk.internal.adapt.BuiltinTypes;
import io.tusk.internal.adapt.TextLoader;

import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Loader;
import io.tusk.internal.adapt.datetime.DateTimeAdapters;
import io.tusk.internal.adapt.datetime.IntervalAdapters;
import io.tusk.internal.adapt.misc.JsonAdapters;
import io.tusk.internal.adapt.misc.UuidAdapters;
import io.tusk.internal.adapt.numeric.NumericAdapters;
import io.tusk.internal.adapt.text.TextAdapters;
import java.nio.charset.Charset;

/**
 * The adapters every connection starts with, registered once in {@link AdaptersMap#global()}
 * (psycopg's {@code postgres.adapters}), family by family.
 */
public final class BuiltinAdapters {
    static {
        register(AdaptersMap.global());
    }

    private BuiltinAdapters() {
    }

    public static Loader<String> textLoader(Charset cs) {
        return TextLoader.of(cs);
    }

    /** The type name of a built-in OID, for casts in client-side literals. */
    public static String typeName(int oid) {
        String n = BuiltinTypes.castName(oid);
        return n == null ? "\"unknown\"" : n;
    }

    /** Makes sure the global map is initialised (class loading registers the built-ins once). */
    public static void ensureRegistered() {
        // the static initialiser did the work
    }

    private static void register(AdaptersMap m) {
        BuiltinTypes.byName().forEach((name, t) -> m.registerTypeName(name, t.oid()));
        NumericAdapters.register(m);
        TextAdapters.register(m);
        UuidAdapters.register(m);
        DateTimeAdapters.register(m);
        IntervalAdapters.register(m);
        JsonAdapters.register(m);
        io.tusk.internal.adapt.misc.TypedAdapters.register(m);
        io.tusk.internal.adapt.net.NetAdapters.register(m);
        io.tusk.internal.adapt.geometric.GeometricAdapters.register(m);
        io.tusk.internal.adapt.misc.BitAdapters.register(m);
        io.tusk.internal.adapt.misc.OidAdapters.register(m);
        io.tusk.internal.adapt.misc.EnumAdapters.registerDefault(m);
        io.tusk.internal.adapt.numeric.MoneyLoaders.register(m);
        io.tusk.internal.adapt.range.RangeAdapters.registerBuiltins(m);
        io.tusk.internal.adapt.composite.CompositeAdapters.registerBuiltins(m);
    }
}
