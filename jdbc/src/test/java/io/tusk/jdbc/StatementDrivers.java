package io.tusk.jdbc;

import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Connections for the statement tests: Tusk's JDBC face, and pgjdbc on the same database to compare answers. */
final class StatementDrivers {
    private StatementDrivers() {
    }

    /** In autocommit mode, JDBC's default (set here too, whatever the connection's default is today). */
    static Connection tusk(TestDatabase db) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:tusk://127.0.0.1:" + db.port() + "/" + db.dbname() + "?user=" + PgUsers.TRUST
                + "&sslmode=disable");
        c.setAutoCommit(true);
        return c;
    }

    static Connection pgjdbc(TestDatabase db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + db.port() + "/" + db.dbname() + "?user="
                + PgUsers.TRUST + "&sslmode=disable");
    }

    /** What {@code body} throws, as SQLSTATE and class, to compare both drivers' answers. */
    static SQLException failure(SqlBody body) {
        try {
            body.run();
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("expected an SQLException");
    }

    interface SqlBody {
        void run() throws SQLException;
    }

    interface ConnBody<T> {
        T apply(Connection c) throws SQLException;
    }

    /** Runs {@code body} on a Tusk connection and on a pgjdbc connection; both answers, Tusk's first. */
    static <T> java.util.List<T> both(TestDatabase db, ConnBody<T> body) throws SQLException {
        try (Connection t = tusk(db); Connection p = pgjdbc(db)) {
            T a = body.apply(t);
            T b = body.apply(p);
            return java.util.Arrays.asList(a, b);
        }
    }
}
