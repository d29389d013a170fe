package io.tusk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tusk.testkit.internal.ConnInfo;
import org.junit.jupiter.api.Test;

class ConninfoQuotingTest {

    @Test
    void plainValuesAreLeftAsTheyAre() {
        assertEquals("tusk_scram", TestDatabase.value("tusk_scram"));
    }

    @Test
    void valuesWithSpacesQuotesOrBackslashesAreQuotedAsLibpqReadsThem() {
        assertEquals("'a b'", TestDatabase.value("a b"));
        assertEquals("'it\\'s'", TestDatabase.value("it's"));
        assertEquals("'c:\\\\x'", TestDatabase.value("c:\\x"));
        assertEquals("''", TestDatabase.value(""));
    }

    @Test
    void quotedValuesReadBackUnchanged() {
        String tricky = "p a's\\s";
        assertEquals(tricky, ConnInfo.parse("password=" + TestDatabase.value(tricky) + " user=u").password());
    }
}
