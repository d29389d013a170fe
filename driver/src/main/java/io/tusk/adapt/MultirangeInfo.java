package io.tusk.adapt;

import io.tusk.Connection;
import io.tusk.spi.Services;

/**
 * A multirange type from the catalog (PostgreSQL 14+): psycopg's {@code MultirangeInfo}, with
 * its range type and subtype. After {@link #register}, it loads as
 * {@link io.tusk.types.Multirange} and Multiranges of its subtype dump as this type (register
 * the range's {@link RangeInfo} too).
 *
 * <pre>{@code
 * MultirangeInfo.fetch(conn, "floatmultirange").register(conn.adapters());
 * }</pre>
 */
public final class MultirangeInfo extends TypeInfo {
    private final int rangeOid;
    private final int subtypeOid;

    MultirangeInfo(TypeInfo base, int rangeOid, int subtypeOid) {
        super(base);
        this.rangeOid = rangeOid;
        this.subtypeOid = subtypeOid;
    }

    /** The multirange type named {@code name}, null when there is none. */
    public static MultirangeInfo fetch(Connection conn, String name) {
        return fetch(conn, name, MultirangeInfo.class, "a multirange type");
    }

    public int rangeOid() {
        return rangeOid;
    }

    public int subtypeOid() {
        return subtypeOid;
    }

    @Override
    public AdaptersMap register(AdaptersMap adapters) {
        super.register(adapters);
        Services.adaptation().registerMultirange(adapters, oid(), subtypeOid);
        return adapters;
    }
}
