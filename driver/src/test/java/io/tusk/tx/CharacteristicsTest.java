package io.tusk.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tusk.IsolationLevel;
import io.tusk.internal.tx.Characteristics;
import org.junit.jupiter.api.Test;

class CharacteristicsTest {

    @Test
    void serverDefaultsGivePlainBegin() {
        assertEquals("BEGIN", Characteristics.DEFAULT.beginStatement());
    }

    @Test
    void everyCharacteristicJoinsTheBegin() {
        assertEquals("BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY DEFERRABLE",
                new Characteristics(IsolationLevel.SERIALIZABLE, true, true).beginStatement());
        assertEquals("BEGIN ISOLATION LEVEL REPEATABLE READ READ WRITE NOT DEFERRABLE",
                new Characteristics(IsolationLevel.REPEATABLE_READ, false, false).beginStatement());
        assertEquals("BEGIN READ ONLY", new Characteristics(null, true, null).beginStatement());
        assertEquals("BEGIN ISOLATION LEVEL READ UNCOMMITTED", new Characteristics(IsolationLevel.READ_UNCOMMITTED, null, null).beginStatement());
    }
}
