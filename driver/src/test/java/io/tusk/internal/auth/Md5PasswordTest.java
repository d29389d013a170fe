package io.tusk.internal.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Md5PasswordTest {

    /*
     * Expected values computed independently with Python's hashlib:
     *   inner = hashlib.md5(password + user).hexdigest()
     *   'md5' + hashlib.md5(inner.encode() + salt).hexdigest()
     */

    @Test
    void md5AnswerMatchesPostgresFormulaForKnownVector() {
        // user b'tusk', password b'secret', salt bytes 9a 3b 00 ff
        byte[] salt = {(byte) 0x9a, 0x3b, 0x00, (byte) 0xff};
        byte[] answer = Md5Password.encode("tusk", "secret".getBytes(StandardCharsets.UTF_8), salt);
        assertEquals("md5f38580b00c12ead9608e80d2ecb88bf7", new String(answer, StandardCharsets.US_ASCII));
    }

    @Test
    void md5AnswerHashesNonAsciiPasswordAsGivenBytes() {
        // user b'postgres', password 'pässwörd'.encode('utf-8'), salt 00 00 00 00
        byte[] answer = Md5Password.encode("postgres", "pässwörd".getBytes(StandardCharsets.UTF_8), new byte[4]);
        assertEquals("md552409d647ef7fda3ba1bcb4ff28825cf", new String(answer, StandardCharsets.US_ASCII));
    }

    @Test
    void md5AnswerIs35BytesWithoutTrailingNul() {
        byte[] answer = Md5Password.encode("u", new byte[] {'p'}, new byte[4]);
        assertEquals(35, answer.length);
        assertEquals('5', answer[2]);
    }

    @Test
    void md5LeavesThePasswordArrayUnchanged() {
        byte[] password = "secret".getBytes(StandardCharsets.UTF_8);
        Md5Password.encode("tusk", password, new byte[4]);
        assertArrayEquals("secret".getBytes(StandardCharsets.UTF_8), password);
    }

    @Test
    void md5RejectsSaltOfWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> Md5Password.encode("u", new byte[] {'p'}, new byte[3]));
    }
}
