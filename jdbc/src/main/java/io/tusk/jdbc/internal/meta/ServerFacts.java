package io.tusk.jdbc.internal.meta;

import static io.tusk.jdbc.internal.meta.MetaRows.INT4;
import static io.tusk.jdbc.internal.meta.MetaRows.VARCHAR;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The server's limits and settings DatabaseMetaData reports: identifier length (NAMEDATALEN - 1),
 * index keys, connections, isolation, keywords. Fixed per server, so each is asked once.
 */
public final class ServerFacts {
    private final Catalog catalog;
    private int maxNameLength;
    private int maxIndexKeys;
    private String keywords;

    public ServerFacts(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The longest identifier: the name type's storage length minus its terminating zero (63 by default). */
    public int maxNameLength() throws SQLException {
        if (maxNameLength == 0) {
            Object len = catalog.scalar("SELECT t.typlen::int4 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n "
                    + "ON n.oid = t.typnamespace WHERE t.typname = 'name' AND n.nspname = 'pg_catalog'");
            maxNameLength = ((Number) len).intValue() - 1;
        }
        return maxNameLength;
    }

    /** The most columns an index may have (max_index_keys, 32 by default). */
    public int maxIndexKeys() throws SQLException {
        if (maxIndexKeys == 0) {
            maxIndexKeys = Integer.parseInt(setting("max_index_keys"));
        }
        return maxIndexKeys;
    }

    /** The server's max_connections. */
    public int maxConnections() throws SQLException {
        return Integer.parseInt(setting("max_connections"));
    }

    /** JDBC's level for the session's default_transaction_isolation. */
    public int defaultTransactionIsolation() throws SQLException {
        return switch (setting("default_transaction_isolation")) {
            case "read uncommitted" -> Connection.TRANSACTION_READ_UNCOMMITTED;
            case "repeatable read" -> Connection.TRANSACTION_REPEATABLE_READ;
            case "serializable" -> Connection.TRANSACTION_SERIALIZABLE;
            default -> Connection.TRANSACTION_READ_COMMITTED;
        };
    }

    public String keywords() throws SQLException {
        if (keywords == null) {
            keywords = SqlKeywords.keywords(catalog);
        }
        return keywords;
    }

    private String setting(String name) throws SQLException {
        Object v = catalog.scalar("SELECT pg_catalog.current_setting($1::text)", name);
        return v == null ? "" : v.toString();
    }

    /** The one client info property: ApplicationName (application_name), at most an identifier long. */
    public MetaRows clientInfoProperties() throws SQLException {
        return MetaRows.of("NAME", VARCHAR, "MAX_LEN", INT4, "DEFAULT_VALUE", VARCHAR, "DESCRIPTION", VARCHAR)
                .add("ApplicationName", maxNameLength(), "", "The name of the application currently utilizing the connection.");
    }
}
