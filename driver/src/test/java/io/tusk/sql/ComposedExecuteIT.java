package io.tusk.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Queries composed with io.tusk.sql run through execute with their placeholders bound on the server. */
@PgTest
class ComposedExecuteIT {

    @Test
    void composedIdentifiersAndPlaceholdersRunOnTheServer(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.execute("CREATE TEMP TABLE \"odd \"\"name\"\"\" (id int, label text)");
            SQL insert = SQL.of("INSERT INTO {} ({}) VALUES (%s, %s)");
            conn.execute(insert.format(Identifier.of("odd \"name\""), SQL.of(", ").join(List.of(Identifier.of("id"), Identifier.of("label")))),
                    1, "O'Reilly");
            Row row = conn.execute(SQL.of("SELECT {} FROM {} WHERE id = %(id)s").format(Identifier.of("label"), Identifier.of("odd \"name\"")),
                    Map.of("id", 1)).fetchone();
            assertEquals("O'Reilly", row.get(0));
        }
    }
}
