package io.tusk.internal.protocol.backend;

import static io.tusk.internal.protocol.Wire.decode;
import static io.tusk.internal.protocol.Wire.decodeFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.tusk.internal.protocol.BackendBytes;
import io.tusk.internal.protocol.Wire;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CommandComplete ('C'): the command tag, its row count and its command word. */
class CommandCompleteTest {

    @Test
    void theTagIsTheNulTerminatedString() {
        // 4 + "INSERT 0 5\0" 11 = 15
        var m = assertInstanceOf(CommandComplete.class, decode("43 0000000f 'INSERT 0 5' 00"));
        assertEquals("INSERT 0 5", m.tag());
        assertEquals(5, m.rowCount());
        assertEquals("INSERT", m.command());
    }

    /** The tags of "Message Formats", CommandComplete; -1 where the tag carries no count. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "INSERT 0 5       | 5       | INSERT",
        "INSERT 0 1       | 1       | INSERT",
        "UPDATE 3         | 3       | UPDATE",
        "SELECT 0         | 0       | SELECT",
        "DELETE 10        | 10      | DELETE",
        "COPY 1000000     | 1000000 | COPY",
        "MERGE 2          | 2       | MERGE",
        "FETCH 5          | 5       | FETCH",
        "MOVE 3           | 3       | MOVE",
        "CREATE TABLE     | -1      | CREATE",
        "BEGIN            | -1      | BEGIN",
        "SET              | -1      | SET",
        "DROP TABLE       | -1      | DROP",
        "CREATE INDEX     | -1      | CREATE",
        "LISTEN           | -1      | LISTEN",
    })
    void rowCountAndCommandOfEachTag(String tag, long rowCount, String command) {
        var m = assertInstanceOf(CommandComplete.class,
                Wire.decode(new BackendBytes().commandComplete(tag).toByteArray(), StandardCharsets.UTF_8));
        assertEquals(tag, m.tag());
        assertEquals(rowCount, m.rowCount());
        assertEquals(command, m.command());
    }

    @Test
    void aBillionRowsFitsTheLongCount() {
        assertEquals(5_000_000_000L, new CommandComplete("UPDATE 5000000000").rowCount());
    }

    @Test
    void aCountTooLargeForALongIsNoCount() {
        assertEquals(-1, new CommandComplete("UPDATE 99999999999999999999").rowCount());
    }

    @Test
    void digitsOfOtherScriptsAreNoCount() {
        // Arabic-Indic digit three: a digit to Character.isDigit, not a row count.
        assertEquals(-1, new CommandComplete("UPDATE \u0663").rowCount());
    }

    @Test
    void aNumberThatIsNotASeparateWordIsNoCount() {
        assertEquals(-1, new CommandComplete("SELECT5").rowCount());
        assertEquals(-1, new CommandComplete("CREATE TABLE 5").rowCount());
    }

    @Test
    void anEmptyTagHasNoCountAndAnEmptyCommand() {
        var m = assertInstanceOf(CommandComplete.class, decode("43 00000005 00"));
        assertEquals(-1, m.rowCount());
        assertEquals("", m.command());
    }

    @Test
    void aTagWithoutNulIsAProtocolViolation() {
        assertEquals("protocol violation: CommandComplete has a string without its terminating NUL",
                decodeFails("43 0000000a 'SELECT'").getMessage());
    }

    @Test
    void bytesAfterTheTagAreAProtocolViolation() {
        // The tag is the whole message ("Message Formats"): anything after its NUL is misread.
        assertEquals("protocol violation: CommandComplete has 2 unexpected trailing bytes",
                decodeFails("43 0000000f 'SELECT 1' 00 0000").getMessage());
    }
}
