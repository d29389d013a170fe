package io.tusk.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.Tusk;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A cursor resolves a prepared statement's loaders once and reuses them at every execution;
 * a loader registered afterwards (on the connection or the cursor) still applies to the next one.
 */
@PgTest
class LoaderRegistrationIT {
    private static final int INT4 = 23;

    @Test
    void aLoaderRegisteredBetweenExecutionsOfAPreparedStatementIsUsed(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST)); Cursor<Row> cur = conn.cursor()) {
            conn.setPrepareThreshold(0);
            String sql = "SELECT %s::int4 AS n";
            assertEquals(1, cur.execute(sql, 1).fetchone().get(0));
            assertEquals(2, cur.execute(sql, 2).fetchone().get(0), "prepared now, loaders reused");
            conn.adapters().registerLoader(INT4, Format.TEXT,
                    (data, off, len) -> "int4:" + new String(data, off, len, StandardCharsets.US_ASCII));
            assertEquals("int4:3", cur.execute(sql, 3).fetchone().get(0), "the connection's new loader");
            cur.adapters().registerLoader(INT4, Format.TEXT,
                    (data, off, len) -> "cursor:" + new String(data, off, len, StandardCharsets.US_ASCII));
            assertEquals("cursor:4", cur.execute(sql, 4).fetchone().get(0), "the cursor's own loader wins");
        }
    }
}
