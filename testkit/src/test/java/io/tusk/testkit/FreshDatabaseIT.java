package io.tusk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

/** {@link FreshDatabase} gives each annotated class its own database and drops it afterwards. */
@PgTest
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class FreshDatabaseIT {
    static String firstDb;
    static String secondDb;

    @Test
    void unannotatedClassGetsTheSharedDatabase(TestDatabase db, PgServer pg) {
        assertSame(pg.sharedDatabase(), db);
        assertEquals(pg.dbname(), db.dbname());
    }

    @AfterAll
    static void freshDatabasesAreDroppedAfterTheirClass(Admin admin) {
        assertNotNull(firstDb, "the first nested class ran");
        assertNotNull(secondDb, "the second nested class ran");
        assertEquals("0", admin.queryScalar("SELECT count(*) FROM pg_database WHERE datname IN ('" + firstDb + "', '"
                + secondDb + "')"));
    }

    @Nested
    @Order(1)
    @FreshDatabase
    class First {
        @Test
        void getsANewDatabaseItsRolesCanCreateTablesIn(TestDatabase db, PgServer pg) throws SQLException {
            assertNotEquals(pg.dbname(), db.dbname());
            firstDb = db.dbname();
            pg.assumeStandardSetup("creates a table as the kit's SCRAM role");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(PgUsers.SCRAM)); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE only_in_first (id int)");
            }
            assertEquals("1", db.admin().queryScalar("SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'"));
        }

        @Test
        void sharesItsDatabaseBetweenItsTests(TestDatabase db, Admin admin) {
            assertEquals(db.dbname(), admin.dbname());
            assertEquals(db.dbname(), admin.queryScalar("SELECT current_database()"));
        }
    }

    @Nested
    @Order(2)
    @FreshDatabase
    class Second {
        private final TestDatabase db;

        Second(TestDatabase db) {
            this.db = db;
        }

        @Test
        void getsADatabaseOfItsOwn() {
            secondDb = db.dbname();
            assertNotNull(firstDb);
            assertNotEquals(firstDb, db.dbname());
            assertEquals("0", db.admin().queryScalar("SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'"));
        }

        @Test
        void constructorAndMethodParametersAreTheSameDatabase(TestDatabase fromMethod) {
            assertSame(db, fromMethod);
        }
    }
}
