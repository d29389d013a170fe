package io.tusk.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exception messages read as psycopg's str(e): libpq's default-verbosity text without "ERROR:  ". */
class ErrorMessageTest {

    static String message(Object... codesAndValues) {
        Map<Character, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < codesAndValues.length; i += 2) {
            fields.put((Character) codesAndValues[i], (String) codesAndValues[i + 1]);
        }
        return Errors.fromDiagnostic(Diagnostic.of(fields)).getMessage();
    }

    @Test
    void primaryMessageAloneWhenNothingElseWasSent() {
        assertEquals("division by zero", message('S', "ERROR", 'C', "22012", 'M', "division by zero"));
    }

    @Test
    void detailHintQueryAndContextFollowOnTheirOwnLinesInLibpqsOrder() {
        assertEquals("relation \"nope\" does not exist\n"
                        + "DETAIL:  the detail\n"
                        + "HINT:  the hint\n"
                        + "QUERY:  SELECT * FROM nope\n"
                        + "CONTEXT:  PL/pgSQL function f() line 3 at SQL statement",
                message('C', "42P01", 'W', "PL/pgSQL function f() line 3 at SQL statement",
                        'q', "SELECT * FROM nope", 'H', "the hint", 'D', "the detail",
                        'M', "relation \"nope\" does not exist", 'p', "15"));
    }

    @Test
    void statementPositionIsAppendedAsLibpqDoesWithoutTheQueryText() {
        assertEquals("syntax error at or near \"FORM\" at character 10",
                message('C', "42601", 'M', "syntax error at or near \"FORM\"", 'P', "10"));
    }

    @Test
    void internalPositionIsAppendedOnlyWithoutAnInternalQuery() {
        assertEquals("bad at character 4", message('C', "42601", 'M', "bad", 'p', "4"));
    }

    @Test
    void severityAndSourceLocationAreNotPartOfTheMessage() {
        assertEquals("out of memory", message('S', "ERROR", 'V', "ERROR", 'C', "53200", 'M', "out of memory",
                'F', "mcxt.c", 'L', "1000", 'R', "MemoryContextAlloc", 's', "public", 't', "t"));
    }

    @Test
    void missingPrimaryMessageStillGivesAMessage() {
        assertEquals("error from the server\nDETAIL:  d", message('C', "XX000", 'D', "d"));
    }
}
