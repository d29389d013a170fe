package io.tusk.adapt;

import io.tusk.Connection;
import io.tusk.spi.Services;

/**
 * The {@code hstore} extension's type, which has no fixed OID: psycopg's
 * {@code register_hstore}. Registered, hstore values load as {@code Map<String, String>}
 * (NULL values as null, in the server's order) and every {@link java.util.Map} dumps as hstore.
 *
 * <pre>{@code
 * conn.execute("CREATE EXTENSION IF NOT EXISTS hstore");
 * HstoreInfo.fetch(conn).register(conn.adapters());
 * Map<?, ?> m = (Map<?, ?>) conn.execute("SELECT %s", Map.of("a", "1")).fetchone().get(0);
 * }</pre>
 */
public final class HstoreInfo extends TypeInfo {
    HstoreInfo(TypeInfo base) {
        super(base);
    }

    /** hstore as found on the search path, or null when the extension is not installed. */
    public static HstoreInfo fetch(Connection conn) {
        return fetch(conn, "hstore");
    }

    /** hstore by a (schema-qualified) name, or null when there is no such type. */
    public static HstoreInfo fetch(Connection conn, String name) {
        TypeInfo t = TypeInfo.fetch(conn, name);
        return t == null ? null : new HstoreInfo(t);
    }

    @Override
    public AdaptersMap register(AdaptersMap adapters) {
        super.register(adapters);
        Services.adaptation().registerHstore(adapters, oid());
        return adapters;
    }
}
