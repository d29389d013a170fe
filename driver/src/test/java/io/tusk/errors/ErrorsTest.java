package io.tusk.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** psycopg's errors.lookup() and error_from_result(), in Java. */
class ErrorsTest {

    static Diagnostic error(String sqlstate, String message) {
        return Diagnostic.of(Map.of('S', "ERROR", 'V', "ERROR", 'C', sqlstate, 'M', message));
    }

    @Test
    void lookupBySqlstate() {
        assertSame(UniqueViolation.class, Errors.lookup("23505"));
        assertSame(ArraySubscriptError.class, Errors.lookup("2202e"), "codes are upper-cased, as psycopg does");
    }

    @Test
    void lookupByConditionNameInAnyCase() {
        assertSame(UniqueViolation.class, Errors.lookup("UNIQUE_VIOLATION"));
        assertSame(UniqueViolation.class, Errors.lookup("unique_violation"));
        assertSame(InFailedSqlTransaction.class, Errors.lookup("in_failed_sql_transaction"));
    }

    @Test
    void lookupByClassName() {
        assertSame(UniqueViolation.class, Errors.lookup("UniqueViolation"));
        assertSame(DeadlockDetected.class, Errors.lookup("DeadlockDetected"));
        assertSame(InternalError_.class, Errors.lookup("InternalError_"));
    }

    @Test
    void conditionNameSharedByTwoCodesGivesTheFirstListed() {
        assertSame(ModifyingSqlDataNotPermitted.class, Errors.lookup("modifying_sql_data_not_permitted"));
        assertSame(NullValueNotAllowed.class, Errors.lookup("null_value_not_allowed"));
    }

    @Test
    void lookupOfAnUnknownNameNamesTheInputAndWhatToGive() {
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> Errors.lookup("23XYZ"));
        assertTrue(e.getMessage().contains("\"23XYZ\""), e.getMessage());
        assertTrue(e.getMessage().contains("unique_violation"), e.getMessage());
        assertThrows(NoSuchElementException.class, () -> Errors.lookup("uniqueviolation"));
        assertThrows(NoSuchElementException.class, () -> Errors.lookup("01000"), "warnings have no class");
    }

    @Test
    void fromDiagnosticMakesTheGeneratedClassWithEveryField() {
        Diagnostic diag = Diagnostic.of(Map.of('S', "ERROR", 'C', "23505",
                'M', "duplicate key value violates unique constraint \"t_pkey\"",
                'D', "Key (id)=(1) already exists.", 's', "public", 't', "t", 'n', "t_pkey"));
        DatabaseException e = Errors.fromDiagnostic(diag);
        assertSame(UniqueViolation.class, e.getClass());
        assertEquals("23505", e.sqlstate());
        assertSame(diag, e.diag());
        assertEquals("t_pkey", e.diag().constraintName());
        assertEquals("duplicate key value violates unique constraint \"t_pkey\"\n"
                + "DETAIL:  Key (id)=(1) already exists.", e.getMessage());
    }

    @Test
    void fromDiagnosticMakesQueryCanceledCatchableAsQueryCanceledException() {
        DatabaseException e = Errors.fromDiagnostic(error("57014", "canceling statement due to user request"));
        assertSame(QueryCanceled.class, e.getClass());
        assertTrue(e instanceof QueryCanceledException);
    }

    @Test
    void unknownCodeFallsBackToTheDbApiClassOfItsClass() {
        assertSame(IntegrityException.class, Errors.fromDiagnostic(error("23999", "x")).getClass());
        assertSame(DataException.class, Errors.fromDiagnostic(error("22ZZZ", "x")).getClass());
        assertSame(TransactionRollbackException.class, Errors.fromDiagnostic(error("40P99", "x")).getClass());
        assertSame(OperationalException.class, Errors.fromDiagnostic(error("HV999", "x")).getClass(),
                "by the first letter as psycopg's table does for F, H, P and X");
        assertSame(DatabaseException.class, Errors.fromDiagnostic(error("ZZ000", "x")).getClass());
    }

    @Test
    void unknownCodeKeepsItsSqlstateAndMessage() {
        DatabaseException e = Errors.fromDiagnostic(error("23999", "a constraint of the future"));
        assertEquals("23999", e.sqlstate());
        assertEquals("a constraint of the future", e.getMessage());
    }

    @Test
    void errorWithoutSqlstateIsAPlainDatabaseException() {
        DatabaseException e = Errors.fromDiagnostic(Diagnostic.of(Map.of('S', "FATAL", 'M', "no SQLSTATE")));
        assertSame(DatabaseException.class, e.getClass());
        assertEquals(null, e.sqlstate());
        assertEquals("no SQLSTATE", e.getMessage());
    }

    @Test
    void connectionErrorsAreClass08AndTheCodesThatEndTheSession() {
        for (String s : new String[] {"08000", "08003", "08006", "08P01", "08XYZ",
                "57P01", "57P02", "57P03", "57P04", "57P05", "25P03", "25P04"}) {
            assertTrue(Errors.isConnectionError(s), s);
        }
        for (String s : new String[] {"57014", "57000", "40001", "25P02", "23505", "", "0"}) {
            assertFalse(Errors.isConnectionError(s), s);
        }
        assertFalse(Errors.isConnectionError(null));
    }
}
