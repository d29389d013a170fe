package io.tusk.jdbc;

import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Connections through Tusk's JDBC face and through pgjdbc to the same test database. */
final class ResultSetTesting {
    private ResultSetTesting() {
    }

    static Connection tusk(TestDatabase db) throws SQLException {
        return DriverManager.getConnection("jdbc:tusk://127.0.0.1:" + db.port() + "/" + db.dbname() + "?user=" + PgUsers.TRUST
                + "&sslmode=disable");
    }

    static Connection pgjdbc(TestDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(PgUsers.TRUST));
    }
}
