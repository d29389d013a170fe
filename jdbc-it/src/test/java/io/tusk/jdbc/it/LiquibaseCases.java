package io.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.List;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * Liquibase 4.33 on a driver's connection: it recognises PostgreSQL from the connection's
 * metadata, applies an XML changelog (tables, a foreign key, an index, rows, a tag, a new column),
 * rolls back to the tag and by count, and keeps DATABASECHANGELOG in step.
 */
abstract class LiquibaseCases extends ClientCase {
    private static final String CHANGELOG = "db/liquibase/changelog.xml";

    LiquibaseCases(Side side) {
        super(side);
    }

    @Test
    @SuppressWarnings("deprecation") // the Liquibase facade: still the shortest way to run a changelog from code
    void appliesAChangelogAndRollsItBack() throws Exception {
        try (Connection c = side.connect(db)) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            assertEquals("postgresql", database.getShortName());
            Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database);

            liquibase.update("");
            assertEquals(List.of("ada|2024-01-02|false", "grace|2024-03-04|true"),
                    sql("SELECT name || '|' || joined || '|' || vip FROM customer ORDER BY id"));
            assertEquals("contact_customer_fk", scalar("SELECT conname FROM pg_constraint WHERE conrelid = 'contact'::regclass "
                    + "AND contype = 'f'"));
            assertEquals("1", scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'contact_email'"));
            assertEquals(List.of("1-customers", "2-contacts", "3-seed", "4-tag", "5-vip"),
                    sql("SELECT id FROM databasechangelog ORDER BY orderexecuted"));
            assertEquals("v1", scalar("SELECT tag FROM databasechangelog WHERE id = '4-tag'"));
            assertEquals("0", scalar("SELECT count(*) FROM databasechangeloglock WHERE locked"));

            liquibase.rollback("v1", "");
            assertEquals("0", scalar("SELECT count(*) FROM information_schema.columns "
                    + "WHERE table_name = 'customer' AND column_name = 'vip'"));
            assertEquals("2", scalar("SELECT count(*) FROM customer"));
            // Liquibase 4.33 takes the tagging change set back too: the tag is on its row.
            assertEquals(List.of("1-customers", "2-contacts", "3-seed"),
                    sql("SELECT id FROM databasechangelog ORDER BY orderexecuted"));

            liquibase.rollback(1, "");
            assertEquals("0", scalar("SELECT count(*) FROM customer"));
            assertEquals(List.of("1-customers", "2-contacts"), sql("SELECT id FROM databasechangelog ORDER BY orderexecuted"));

            // and forward again: the changelog applies cleanly over its own rollback
            liquibase.update("");
            assertEquals("2", scalar("SELECT count(*) FROM customer WHERE vip = (name = 'grace')"));
        }
    }
}
