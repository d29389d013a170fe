package io.tusk.jca.outbound;

import io.tusk.Connection;
import jakarta.resource.spi.ManagedConnectionMetaData;

/**
 * What the server's console shows about a pooled session (Jakarta Connectors
 * {@code ManagedConnectionMetaData}): "PostgreSQL", the server's version as it reports it in
 * {@code server_version}, and the role logged in.
 *
 * <pre>{@code
 * managedConnection.getMetaData().getEISProductVersion();   // "17.6"
 * }</pre>
 */
final class TuskMetaData implements ManagedConnectionMetaData {
    private final Connection conn;
    private final String user;

    TuskMetaData(Connection conn, String user) {
        this.conn = conn;
        this.user = user;
    }

    @Override
    public String getEISProductName() {
        return "PostgreSQL";
    }

    @Override
    public String getEISProductVersion() {
        String v = conn.info().parameterStatus("server_version");
        return v != null ? v : String.valueOf(conn.info().serverVersion());
    }

    /** PostgreSQL's max_connections would need a query; 0 means "unknown" in this contract. */
    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public String getUserName() {
        return user;
    }
}
