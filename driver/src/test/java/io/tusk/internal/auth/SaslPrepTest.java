package io.tusk.internal.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SaslPrepTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // RFC 4013 §3, the examples, one by one.

    @Test
    void rfc4013SoftHyphenIsMappedToNothing() {
        assertEquals("IX", SaslPrep.prepare("I\u00ADX"));
    }

    @Test
    void rfc4013AsciiIsUnchanged() {
        assertEquals("user", SaslPrep.prepare("user"));
        assertEquals("USER", SaslPrep.prepare("USER"));
    }

    @Test
    void rfc4013FeminineOrdinalIsNormalizedToA() {
        assertEquals("a", SaslPrep.prepare("\u00AA"));
    }

    @Test
    void rfc4013RomanNumeralNineIsNormalizedToIX() {
        assertEquals("IX", SaslPrep.prepare("\u2168"));
    }

    @Test
    void rfc4013BellCharacterIsProhibited() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("\u0007"));
        assertTrue(e.getMessage().contains("U+0007"), e.getMessage());
    }

    @Test
    void rfc4013ArabicFollowedByDigitFailsBidiCheck() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SaslPrep.prepare("\u0627\u0031"));
        assertTrue(e.getMessage().contains("RFC 3454 §6"), e.getMessage());
    }

    // Further rules.

    @Test
    void nonAsciiSpacesBecomeAsciiSpace() {
        assertEquals("a b c", SaslPrep.prepare("a\u00A0b\u3000c"));
    }

    @Test
    void rightToLeftStringThatBeginsAndEndsRightToLeftIsAccepted() {
        assertEquals("\u0627\u0031\u0628", SaslPrep.prepare("\u0627\u0031\u0628"));
    }

    @Test
    void mixingRightToLeftAndLeftToRightIsProhibited() {
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("\u0627a\u0628"));
    }

    @Test
    void unassignedInUnicode32IsProhibited() {
        // U+0221 was assigned only in Unicode 4.0: table A.1 lists it.
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("a\u0221"));
    }

    @Test
    void privateUseIsProhibited() {
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("a\uE000"));
    }

    @Test
    void supplementaryPlaneCharacterIsKept() {
        // U+1D400 MATHEMATICAL BOLD CAPITAL A: assigned in 3.2, NFKC maps it to 'A'.
        assertEquals("A", SaslPrep.prepare(new String(Character.toChars(0x1D400))));
    }

    @Test
    void stringEmptyAfterMappingIsProhibitedAsPostgresDoes() {
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("\u00AD"));
    }

    // The password path: PostgreSQL's behaviour, never failing.

    @Test
    void passwordIsPreparedToUtf8OfTheNormalizedForm() {
        assertArrayEquals(utf8("IX"), SaslPrep.preparePassword(utf8("I\u00ADX")));
        assertArrayEquals(utf8("IX"), SaslPrep.preparePassword(utf8("\u2168")));
    }

    @Test
    void passwordWithProhibitedCharacterIsUsedAsRawBytes() {
        // The soft hyphen would be removed if the password were accepted: the bytes tell which path ran.
        byte[] raw = utf8("p\u00AD\u00E9\uE000");
        assertArrayEquals(raw, SaslPrep.preparePassword(raw));
    }

    @Test
    void passwordFailingBidiIsUsedAsRawBytes() {
        byte[] raw = utf8("\u0627\u00AD\u0031");
        assertArrayEquals(raw, SaslPrep.preparePassword(raw));
    }

    @Test
    void passwordThatIsNotUtf8IsUsedAsRawBytes() {
        byte[] latin1 = "pässword".getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(latin1, SaslPrep.preparePassword(latin1));
    }

    @Test
    void passwordWithUtf8EncodedSurrogateIsUsedAsRawBytes() {
        byte[] cesu = {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertArrayEquals(cesu, SaslPrep.preparePassword(cesu));
    }

    @Test
    void asciiPasswordWithControlCharacterIsKeptAsPostgresDoes() {
        byte[] raw = {'a', 7, 'b'};
        assertArrayEquals(raw, SaslPrep.preparePassword(raw));
    }

    @Test
    void preparedPasswordIsACopyNotTheCallersArray() {
        byte[] raw = utf8("secret");
        byte[] prepared = SaslPrep.preparePassword(raw);
        prepared[0] = 'X';
        assertEquals('s', raw[0]);
    }

    @Test
    void utf8EncoderMatchesJdkForEveryLength() {
        String s = "a\u00E9\u20AC" + new String(Character.toChars(0x1F600));
        assertArrayEquals(utf8(s), SaslPrep.encodeUtf8(s.codePoints().toArray()));
    }
}
