package io.tusk.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The classes generated from errcodes.txt: one per SQLSTATE, psycopg's names, psycopg's parents. */
class GeneratedErrorClassesTest {

    static final Path ERRCODES = Path.of("src/main/errcodes/errcodes.txt");

    /** SQLSTATE to condition name, read from errcodes.txt independently of the generator. */
    static Map<String, String> errorCodesInFile() throws IOException {
        Pattern line = Pattern.compile("^([0-9A-Z]{5})\\s+[EWS]\\s+ERRCODE_\\S+\\s+([a-z_0-9]+)\\s*$");
        Map<String, String> codes = new LinkedHashMap<>();
        for (String l : Files.readAllLines(ERRCODES, StandardCharsets.US_ASCII)) {
            Matcher m = line.matcher(l);
            if (m.matches() && !m.group(1).startsWith("00") && !m.group(1).startsWith("01")) {
                codes.putIfAbsent(m.group(1), m.group(2));
            }
        }
        return codes;
    }

    @Test
    void everyErrorCodeInErrcodesTxtHasAClassOfItsOwn() throws IOException {
        Map<String, String> inFile = errorCodesInFile();
        assertTrue(inFile.size() > 250, "errcodes.txt was read: " + inFile.size() + " codes");
        assertEquals(inFile.keySet().stream().sorted().toList(), Errors.sqlstates().stream().sorted().toList());
        assertEquals(inFile.size(), Errors.sqlstates().stream().map(Errors::lookup).distinct().count(),
                "one distinct class per SQLSTATE");
    }

    @Test
    void everyGeneratedClassCarriesItsSqlstateAndConditionName() throws Exception {
        for (Map.Entry<String, String> e : errorCodesInFile().entrySet()) {
            Class<? extends DatabaseException> c = Errors.lookup(e.getKey());
            assertEquals(e.getKey(), c.getField("SQLSTATE").get(null), c.getName());
            assertEquals(e.getValue(), c.getField("CONDITION").get(null), c.getName());
            assertTrue(Modifier.isPublic(c.getModifiers()) && Modifier.isFinal(c.getModifiers()), c.getName());
            DatabaseException made = c.getConstructor(String.class).newInstance("made by the client");
            assertEquals(e.getKey(), made.sqlstate(), "a client-made " + c.getSimpleName() + " has its SQLSTATE");
        }
    }

    @Test
    void warningAndSuccessClassesHaveNoExceptionButNoDataDoesAsInPsycopg() {
        assertTrue(Errors.sqlstates().stream().noneMatch(s -> s.startsWith("00") || s.startsWith("01")));
        assertSame(NoData.class, Errors.lookup("02000"));
        assertEquals(DatabaseException.class, NoData.class.getSuperclass());
    }

    @Test
    void uniqueViolationIsAnIntegrityException() {
        assertEquals(IntegrityException.class, UniqueViolation.class.getSuperclass());
        assertEquals("23505", UniqueViolation.SQLSTATE);
    }

    @Test
    void transactionRollbackCodesAreTransactionRollbackExceptions() {
        for (Class<?> c : new Class<?>[] {TransactionRollback.class, SerializationFailure.class,
                TransactionIntegrityConstraintViolation.class, StatementCompletionUnknown.class, DeadlockDetected.class}) {
            assertEquals(TransactionRollbackException.class, c.getSuperclass(), c.getName());
        }
        assertEquals(OperationalException.class, TransactionRollbackException.class.getSuperclass());
    }

    @Test
    void queryCanceledIsTheHandWrittenQueryCanceledExceptionAndOperational() {
        assertEquals(QueryCanceledException.class, QueryCanceled.class.getSuperclass());
        assertTrue(new QueryCanceled("x") instanceof OperationalException);
    }

    @Test
    void parentsFollowPsycopgsClassTable() {
        assertEquals(InternalException.class, InFailedSqlTransaction.class.getSuperclass());
        assertEquals(ProgrammingException.class, UndefinedTable.class.getSuperclass());
        assertEquals(OperationalException.class, AdminShutdown.class.getSuperclass());
        assertEquals(OperationalException.class, ConnectionFailure.class.getSuperclass());
        assertEquals(NotSupportedException.class, FeatureNotSupported.class.getSuperclass());
        assertEquals(DataException.class, DivisionByZero.class.getSuperclass());
        assertEquals(ProgrammingException.class, InvalidSqlStatementName.class.getSuperclass(), "26000");
        assertEquals(OperationalException.class, InvalidPassword.class.getSuperclass(), "28P01");
        assertEquals(OperationalException.class, FdwError.class.getSuperclass(), "HV000 by its first letter");
        assertEquals(OperationalException.class, LockFileExists.class.getSuperclass(), "F0001");
        assertEquals(ProgrammingException.class, RaiseException.class.getSuperclass(), "P0001");
        assertEquals(InternalException.class, DataCorrupted.class.getSuperclass(), "XX001");
        assertEquals(DatabaseException.class, InvalidArgumentForXquery.class.getSuperclass(), "10608: no DB-API class");
    }

    @Test
    void classNamesArePsycopgsTitleCaseOfTheConditionName() {
        assertSame(SqlclientUnableToEstablishSqlconnection.class, Errors.lookup("08001"));
        assertSame(NonUniqueKeysInAJsonObject.class, Errors.lookup("22037"));
        assertSame(SqlJsonArrayNotFound.class, Errors.lookup("22039"));
        assertSame(SqlJsonItemCannotBeCastToTargetType.class, Errors.lookup("2203G"));
        assertSame(IoError.class, Errors.lookup("58030"));
        assertSame(FileNameTooLong.class, Errors.lookup("58P03"));
    }

    @Test
    void namesTakenTwiceOrByADbApiClassGetPsycopgsSuffixes() {
        assertSame(ModifyingSqlDataNotPermitted.class, Errors.lookup("2F002"));
        assertSame(ModifyingSqlDataNotPermittedExt.class, Errors.lookup("38002"));
        assertSame(ProhibitedSqlStatementAttemptedExt.class, Errors.lookup("38003"));
        assertSame(ReadingSqlDataNotPermittedExt.class, Errors.lookup("38004"));
        assertSame(NullValueNotAllowedExt.class, Errors.lookup("39004"));
        assertSame(InternalError_.class, Errors.lookup("XX000"));
        assertSame(DataException_.class, Errors.lookup("22000"));
        assertEquals(DataException.class, DataException_.class.getSuperclass());
    }
}
