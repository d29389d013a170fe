package io.tusk.adapt;

import io.tusk.Connection;
import io.tusk.spi.Services;

/**
 * A domain from the catalog, with its base type. Result columns of a domain already load as
 * the base type (the server describes them with the base type's OID); registering covers where
 * the domain's own OID appears: arrays of the domain and fields of composite values.
 *
 * <pre>{@code
 * conn.execute("CREATE DOMAIN posint AS int4 CHECK (VALUE > 0)");
 * DomainInfo.fetch(conn, "posint").register(conn.adapters());
 * conn.execute("SELECT ARRAY[1, 2]::posint[]").fetchone().get(0);   // [1, 2]
 * }</pre>
 */
public final class DomainInfo extends TypeInfo {
    private final int baseOid;

    DomainInfo(TypeInfo base, int baseOid) {
        super(base);
        this.baseOid = baseOid;
    }

    /** The domain named {@code name}, null when there is none. */
    public static DomainInfo fetch(Connection conn, String name) {
        return fetch(conn, name, DomainInfo.class, "a domain");
    }

    /** pg_type.typbasetype: the type the domain constrains. */
    public int baseOid() {
        return baseOid;
    }

    @Override
    public AdaptersMap register(AdaptersMap adapters) {
        super.register(adapters);
        for (Format f : new Format[] {Format.TEXT, Format.BINARY}) {
            adapters.registerLoader(oid(), f, Services.adaptation().domainLoader(baseOid, f));
        }
        return adapters;
    }
}
