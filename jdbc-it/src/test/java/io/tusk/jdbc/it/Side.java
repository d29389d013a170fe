package io.tusk.jdbc.it;

import io.tusk.jdbc.TuskDataSource;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The JDBC driver a client runs on: pgjdbc, the judge that a test is right, or Tusk's JDBC face.
 * Everything a client is configured with differs only here; the clients' code is the same.
 */
enum Side {
    PGJDBC("org.postgresql.Driver", "jdbc:postgresql:"),
    TUSK("io.tusk.jdbc.TuskDriver", "jdbc:tusk:");

    /** The role every client logs in as: SCRAM, so that authentication is real too. */
    static final String USER = PgUsers.SCRAM;
    static final String PASSWORD = PgUsers.SCRAM_PASSWORD;

    private final String driverClass;
    private final String scheme;

    Side(String driverClass, String scheme) {
        this.driverClass = driverClass;
        this.scheme = scheme;
    }

    /** The {@code java.sql.Driver} class name, for clients configured by class name (Hibernate). */
    String driverClass() {
        return driverClass;
    }

    /**
     * The URL without credentials. TLS is off on both sides: the test server offers it and each
     * driver would negotiate it by default, which only costs time here.
     */
    String url(TestDatabase db) {
        return scheme + "//" + db.host() + ":" + db.port() + "/" + db.dbname() + "?sslmode=disable";
    }

    /** A plain connection through this driver, found by DriverManager from the URL. */
    Connection connect(TestDatabase db) throws SQLException {
        return DriverManager.getConnection(url(db), USER, PASSWORD);
    }

    /** A DataSource of this driver: pgjdbc's {@link PGSimpleDataSource} or Tusk's {@link TuskDataSource}. */
    DataSource dataSource(TestDatabase db) {
        if (this == PGJDBC) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(url(db));
            ds.setUser(USER);
            ds.setPassword(PASSWORD);
            return ds;
        }
        TuskDataSource ds = new TuskDataSource();
        ds.setUrl(url(db));
        ds.setUser(USER);
        ds.setPassword(PASSWORD);
        return ds;
    }

    /** The DataSource class a pool is told by name (HikariCP's dataSourceClassName). */
    String dataSourceClass() {
        return this == PGJDBC ? "org.postgresql.ds.PGSimpleDataSource" : "io.tusk.jdbc.TuskDataSource";
    }
}
