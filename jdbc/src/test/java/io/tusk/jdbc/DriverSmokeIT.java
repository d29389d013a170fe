package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** DriverManager finds Tusk for jdbc:tusk: URLs and a query comes back. */
@PgTest
class DriverSmokeIT {

    @Test
    void driverManagerConnectsAndAQueryAnswers(TestDatabase db) throws Exception {
        String url = "jdbc:tusk://127.0.0.1:" + db.port() + "/" + db.dbname() + "?user=" + PgUsers.TRUST + "&sslmode=disable";
        try (Connection c = DriverManager.getConnection(url);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 41 + 1, 'tusk'")) {
            assertTrue(c.isWrapperFor(io.tusk.Connection.class));
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
            assertEquals("tusk", rs.getString(2));
            assertFalse(rs.next());
        }
    }
}
