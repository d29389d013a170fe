package io.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * Flyway 13 on a driver's DataSource (Flyway recognises PostgreSQL from the connection's
 * metadata): SQL migrations, its history table and {@code info()}, and a failing migration that
 * PostgreSQL's transactional DDL rolls back whole. Each test migrates its own schema.
 */
abstract class FlywayCases extends ClientCase {
    FlywayCases(Side side) {
        super(side);
    }

    private Flyway flyway(String schema, String... locations) {
        return Flyway.configure()
                .dataSource(side.dataSource(db))
                .schemas(schema)
                .locations(locations)
                .load();
    }

    @Test
    void migratesAndRecordsHistory() {
        Flyway flyway = flyway("shop", "classpath:db/flyway/ok");
        MigrateResult result = flyway.migrate();
        assertEquals(2, result.migrationsExecuted);
        assertEquals("2", result.targetSchemaVersion);

        assertEquals(List.of("ada|10.00", "grace|32.50"), sql("SELECT customer || '|' || total FROM shop.orders ORDER BY id"));
        assertEquals("1", scalar("SELECT shop.order_count('ada')"));
        assertEquals(List.of("1|create orders|true", "2|seed orders|true"), sql("SELECT version || '|' || description || '|' || success "
                + "FROM shop.flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank"));

        // applied() also lists Flyway's own "schema creation" entry, which has no version
        MigrationInfo[] applied = Arrays.stream(flyway.info().applied()).filter(m -> m.getVersion() != null)
                .toArray(MigrationInfo[]::new);
        assertEquals(2, applied.length);
        assertEquals("2", flyway.info().current().getVersion().getVersion());
        assertTrue(Arrays.stream(applied).allMatch(m -> m.getState() == MigrationState.SUCCESS));

        // Nothing left to do: a second run applies nothing and validates the checksums.
        assertEquals(0, flyway.migrate().migrationsExecuted);
        flyway.validate();
    }

    @Test
    void failingMigrationIsRolledBackWhole() {
        flyway("billing", "classpath:db/flyway/ok").migrate();
        Flyway withBroken = flyway("billing", "classpath:db/flyway/ok", "classpath:db/flyway/broken");

        FlywayException failure = assertThrows(FlywayException.class, withBroken::migrate);
        assertTrue(failure.getMessage().contains("V3__half_done.sql"), failure.getMessage());
        assertTrue(failure.getMessage().contains("23514"), "the server's SQLSTATE (check_violation) is reported: "
                + failure.getMessage());

        assertEquals(List.of("ada", "grace"), sql("SELECT customer FROM billing.orders ORDER BY id"));
        assertEquals("0", scalar("SELECT count(*) FROM information_schema.tables "
                + "WHERE table_schema = 'billing' AND table_name = 'refunds'"));
        assertEquals("0", scalar("SELECT count(*) FROM billing.flyway_schema_history WHERE version = '3'"));

        MigrationInfo current = withBroken.info().current();
        assertEquals("2", current.getVersion().getVersion());
        MigrationInfo[] pending = withBroken.info().pending();
        assertEquals(1, pending.length);
        assertEquals("3", pending[0].getVersion().getVersion());
    }
}
