package io.tusk.internal.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.DatabaseException;
import io.tusk.errors.Diagnostic;
import io.tusk.internal.connection.ServerErrors;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hint for the errors a transaction-mode pooler causes for Tusk's own prepared statements. */
class PoolerHintTest {
    private static Diagnostic error(String sqlstate, String message) {
        return Diagnostic.of(Map.of('S', "ERROR", 'V', "ERROR", 'C', sqlstate, 'M', message));
    }

    @Test
    void aMissingOrDuplicateTuskStatementGetsAHintNamingTheSetting() {
        for (Diagnostic d : new Diagnostic[] {
                error("26000", "prepared statement \"_tusk_3\" does not exist"),
                error("42P05", "prepared statement \"_tusk_1\" already exists")}) {
            DatabaseException e = ServerErrors.of(d);
            assertEquals(d.sqlstate(), e.diag().sqlstate());
            assertEquals(d.messagePrimary(), e.diag().messagePrimary());
            assertTrue(e.diag().messageHint().contains("conn.setPrepareThreshold(null)"), e.diag().messageHint());
            assertTrue(e.getMessage().contains("pool_mode=transaction"), e.getMessage());
        }
    }

    @Test
    void otherErrorsAndTheApplicationsOwnStatementNamesAreLeftAlone() {
        Diagnostic own = error("26000", "prepared statement \"mine\" does not exist");
        assertSame(own, PoolerHint.explain(own));
        assertNull(ServerErrors.of(own).diag().messageHint());
        Diagnostic other = error("42P01", "relation \"_tusk_1\" does not exist");
        assertSame(other, PoolerHint.explain(other));
        Map<Character, String> hinted = new java.util.HashMap<>(error("26000", "prepared statement \"_tusk_1\" does not exist").fields());
        hinted.put('H', "the server's own hint");
        assertEquals("the server's own hint", PoolerHint.explain(Diagnostic.of(hinted)).messageHint());
    }
}
