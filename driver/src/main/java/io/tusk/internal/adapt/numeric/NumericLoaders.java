package io.tusk.internal.adapt.numeric;

import io.tusk.adapt.Loader;
import io.tusk.errors.DataException;
import io.tusk.internal.adapt.Ascii;
import java.math.BigDecimal;

/**
 * numeric ⟶ BigDecimal, and the opt-in numeric ⟶ Double that can hold NaN and ±Infinity
 * (PostgreSQL 14 added the infinities to numeric; BigDecimal has neither).
 */
public final class NumericLoaders {
    public static final Loader<BigDecimal> TEXT = (b, off, len) -> {
        if (len > 0 && (b[off] == 'N' || b[off] == 'I' || (len > 1 && b[off + 1] == 'I'))) {
            throw notADecimal(Ascii.string(b, off, len));
        }
        try {
            return new BigDecimal(Ascii.string(b, off, len));
        } catch (NumberFormatException e) {
            throw Ascii.bad(b, off, len, "numeric");
        }
    };

    public static final Loader<BigDecimal> BINARY = NumericBinary::decode;

    /** Loads numeric as Double, NaN and ±Infinity included (precision beyond a double is lost). */
    public static final Loader<Double> TEXT_AS_DOUBLE = (b, off, len) -> Double.valueOf(Ascii.string(b, off, len));

    public static final Loader<Double> BINARY_AS_DOUBLE = (b, off, len) -> {
        String special = NumericBinary.special(b, off);
        if (special != null) {
            return Double.valueOf(special);
        }
        return NumericBinary.decode(b, off, len).doubleValue();
    };

    private NumericLoaders() {
    }

    static DataException notADecimal(String value) {
        return new DataException("cannot load numeric value '" + value + "' as BigDecimal, which has no NaN or "
                + "infinity: register the opt-in loader Loaders.numericAsDouble() for numeric columns, "
                + "or filter the value in SQL");
    }
}
