package io.tusk.jdbc.it;

import io.tusk.testkit.FreshDatabase;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of every client's cases: one fresh database per driver (each {@code @Nested} variant
 * of an {@code *IT} class gets its own), one test instance per class so that a client's slow
 * bootstrap (Hibernate's SessionFactory, Spring's context) is done once per driver.
 *
 * <p>What landed is read back through {@link #sql(String)}: the testkit's own superuser connection
 * (pgjdbc), never through the driver under test.
 */
@PgTest
@FreshDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientCase {
    final Side side;
    TestDatabase db;

    ClientCase(Side side) {
        this.side = side;
    }

    @BeforeAll
    final void database(TestDatabase database) {
        this.db = database;
        // The application's role owns its database, as in production: it may create schemas.
        database.admin().execute("ALTER DATABASE \"" + database.dbname() + "\" OWNER TO " + Side.USER);
    }

    /** The first column of every row of {@code query}, read through a separate pgjdbc connection. */
    List<String> sql(String query) {
        return db.admin().queryColumn(query);
    }

    /** The single value of {@code query}, read through a separate pgjdbc connection. */
    String scalar(String query) {
        return db.admin().queryScalar(query);
    }
}
