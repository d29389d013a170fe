package io.tusk.cursor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.Tusk;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

/** binary=true gives binary results even for a statement without parameters. */
@PgTest
class BinaryWithoutParametersIT {

    @Test
    void aBinaryCursorGetsBinaryColumnsWithoutParameters(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Cursor<Row> cur = conn.cursor();
            cur.setBinary(true);
            Row row = cur.execute("SELECT 42::int4, 'x'::text").fetchone();
            assertEquals(42, row.get(0));
            assertEquals("x", row.get(1));
            assertEquals(1, cur.description().get(0).format(), "the server sent the int4 column in binary");
        }
    }
}
