package io.tusk.adapt;

import io.tusk.Connection;
import io.tusk.spi.Services;

/**
 * A range type from the catalog: psycopg's {@code RangeInfo}, adding the subtype's OID. After
 * {@link #register}, the range loads as {@link io.tusk.types.Range} (bounds loaded by the
 * subtype's loader) and a Range whose bounds dump as the subtype is sent as this range type.
 *
 * <pre>{@code
 * conn.execute("CREATE TYPE floatrange AS RANGE (subtype = float8)");
 * RangeInfo.fetch(conn, "floatrange").register(conn.adapters());
 * conn.execute("SELECT %s", Range.of(1.5, 2.5));   // a floatrange
 * }</pre>
 */
public final class RangeInfo extends TypeInfo {
    private final int subtypeOid;

    RangeInfo(TypeInfo base, int subtypeOid) {
        super(base);
        this.subtypeOid = subtypeOid;
    }

    /** The range type named {@code name}, null when there is none; fails when it is not a range. */
    public static RangeInfo fetch(Connection conn, String name) {
        return fetch(conn, name, RangeInfo.class, "a range type");
    }

    /** pg_range.rngsubtype: the type of the bounds. */
    public int subtypeOid() {
        return subtypeOid;
    }

    @Override
    public AdaptersMap register(AdaptersMap adapters) {
        super.register(adapters);
        Services.adaptation().registerRange(adapters, oid(), subtypeOid);
        return adapters;
    }
}
