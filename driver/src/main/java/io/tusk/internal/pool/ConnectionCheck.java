package io.tusk.internal.pool;

import io.tusk.Connection;

/**
 * The cheapest round trip that proves a connection works: psycopg_pool's
 * {@code check_connection}, an empty query (answered by EmptyQueryResponse, protocol §55.2.2)
 * run in autocommit so that it neither opens a transaction nor disturbs one.
 */
public final class ConnectionCheck {
    private ConnectionCheck() {
    }

    public static void check(Connection conn) {
        if (conn.autocommit()) {
            conn.execute("");
            return;
        }
        conn.setAutocommit(true);
        try {
            conn.execute("");
        } finally {
            if (!conn.isBroken() && !conn.isClosed()) {
                conn.setAutocommit(false);
            }
        }
    }
}
