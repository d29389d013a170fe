package io.tusk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The replication pair: streaming, lag, a crash of the primary and promotion. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PgReplicaPairIT {
    private static PgReplicaPair pair;

    @BeforeAll
    static void start() {
        pair = PgReplicaPair.startAsynchronous();
    }

    @AfterAll
    static void stop() {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    @Order(1)
    void theStandbyIsAHotStandbyThatReplaysWhatThePrimaryWrites() {
        assertFalse(pair.primary().isInRecovery());
        assertTrue(pair.standby().isInRecovery());
        assertEquals("20", pair.standby().queryScalar("SHOW max_prepared_transactions"));
        pair.primary().execute("CREATE TABLE kit_pair (id int); INSERT INTO kit_pair SELECT generate_series(1, 1000)");
        String lsn = pair.primaryLsn();
        pair.waitForReplay(lsn, Duration.ofSeconds(10));
        assertEquals("1000", pair.standby().queryScalar("SELECT count(*) FROM kit_pair"));
        assertEquals(0, pair.lagBytes());
        IllegalStateException readOnly = assertThrows(IllegalStateException.class,
                () -> pair.standby().execute("INSERT INTO kit_pair VALUES (1)"));
        assertTrue(readOnly.getMessage().contains("25006"), readOnly.getMessage());
    }

    @Test
    @Order(2)
    void afterACrashOfThePrimaryTheStandbyIsPromotedAndAcceptsWrites() {
        pair.primary().execute("INSERT INTO kit_pair VALUES (1001)");
        pair.waitForStandby(Duration.ofSeconds(10));
        pair.killPrimary();
        assertFalse(pair.primary().isRunning());
        Duration took = pair.promoteStandby();
        assertTrue(took.toSeconds() < 30, took.toString());
        assertFalse(pair.standby().isInRecovery());
        pair.standby().execute("INSERT INTO kit_pair VALUES (1002)");
        assertEquals("1002", pair.standby().queryScalar("SELECT count(*) FROM kit_pair"));
    }
}
