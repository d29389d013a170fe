package io.tusk.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.DatabaseException;
import io.tusk.errors.Diagnostic;
import io.tusk.errors.Errors;
import io.tusk.errors.NotSupportedException;
import io.tusk.internal.tx.PrepareErrors;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrepareErrorsTest {

    private static DatabaseException serverError(String sqlstate, String message, String hint) {
        return Errors.fromDiagnostic(hint == null
                ? Diagnostic.of(Map.of('S', "ERROR", 'C', sqlstate, 'M', message))
                : Diagnostic.of(Map.of('S', "ERROR", 'C', sqlstate, 'M', message, 'H', hint)));
    }

    @Test
    void disabledPreparedTransactionsNameTheSettingAndTheFix() {
        DatabaseException server = serverError("55000", "prepared transactions are disabled",
                "Set \"max_prepared_transactions\" to a nonzero value.");
        RuntimeException mapped = PrepareErrors.map(server);
        assertInstanceOf(NotSupportedException.class, mapped);
        assertTrue(mapped.getMessage().startsWith("max_prepared_transactions is 0 on the server: set it above 0"), mapped.getMessage());
        assertSame(server, mapped.getCause());
        assertEquals("55000", ((DatabaseException) mapped.getCause()).sqlstate());
    }

    @Test
    void localizedMessageIsRecognisedByTheSettingNameInTheHint() {
        DatabaseException server = serverError("55000", "les transactions préparées sont désactivées",
                "Configurez max_prepared_transactions à une valeur différente de zéro.");
        assertInstanceOf(NotSupportedException.class, PrepareErrors.map(server));
    }

    @Test
    void otherErrorsOfPrepareAreLeftAsTheServerSentThem() {
        DatabaseException inUse = serverError("42710", "transaction identifier \"x\" is already in use", null);
        assertSame(inUse, PrepareErrors.map(inUse));
        DatabaseException otherPrerequisite = serverError("55000", "cannot PREPARE a transaction that has exported snapshots", null);
        assertSame(otherPrerequisite, PrepareErrors.map(otherPrerequisite));
    }
}
