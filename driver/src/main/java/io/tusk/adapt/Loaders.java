package io.tusk.adapt;

import io.tusk.internal.adapt.numeric.NumericLoaders;

/**
 * Opt-in loaders for values the default Java types cannot hold, in the spirit of psycopg's
 * documented loader recipes (e.g. "infinity dates").
 *
 * <pre>{@code
 * AdaptersMap m = AdaptersMap.global().child();
 * m.registerLoader("numeric", Format.BINARY, Loaders.numericAsDouble(Format.BINARY));
 * }</pre>
 */
public final class Loaders {
    private Loaders() {
    }

    /** numeric ⟶ Double, keeping NaN and ±Infinity (BigDecimal has neither); digits beyond a double's are lost. */
    public static Loader<Double> numericAsDouble(Format format) {
        return format == Format.BINARY ? NumericLoaders.BINARY_AS_DOUBLE : NumericLoaders.TEXT_AS_DOUBLE;
    }
}
