package io.tusk.internal.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * SASLprep (RFC 4013), the string preparation PostgreSQL applies to a password before SCRAM
 * hashes it: {@code "I<U+00AD>X"} (a soft hyphen inside) becomes {@code "IX"}, {@code "<U+2168>"}
 * (Roman numeral nine) becomes {@code "IX"}, {@code "<U+0007>"} (BEL) is refused.
 * <pre>{@code
 * byte[] forScram = SaslPrep.preparePassword(utf8Password);   // never fails: raw bytes if it must
 * String name = SaslPrep.prepare("user");                     // strict: throws when prohibited
 * }</pre>
 *
 * <p>The steps are those of RFC 3454 §2 with the RFC 4013 profile: map (non-ASCII spaces to
 * U+0020, "commonly mapped to nothing" removed), normalize with NFKC, prohibit (RFC 4013 §2.3 and
 * code points unassigned in Unicode 3.2, as for a stored string), and check bidirectional text
 * (RFC 3454 §6). Two details follow PostgreSQL's {@code pg_saslprep} ({@code src/common/saslprep.c})
 * rather than a literal reading of the RFC, because the client must derive the very bytes the
 * server derived when the password was set, or authentication fails:
 * <ul>
 *   <li>the prohibition and bidi checks run on the mapped string before normalization;
 *   <li>a string that is empty after mapping is refused.
 * </ul>
 * And when a password cannot be prepared (not valid UTF-8, or a prohibited character), PostgreSQL's
 * server and libpq use the password's bytes as they are; {@link #preparePassword} does the same.
 */
public final class SaslPrep {

    private SaslPrep() {
    }

    /**
     * The bytes SCRAM-SHA-256 hashes for a password, as PostgreSQL derives them: the SASLprep'd
     * UTF-8 when SASLprep succeeds, otherwise a copy of {@code password} unchanged (invalid UTF-8,
     * prohibited characters). A pure ASCII password is returned as it is, as PostgreSQL does.
     * Never throws for any content, and never puts the password into a message.
     *
     * <p>The result is a new array the caller should clear after use. Intermediate arrays are
     * cleared; when the password is not already in NFKC form, {@link Normalizer} makes a transient
     * {@code String} of it that cannot be cleared (the JDK offers no other NFKC).
     */
    public static byte[] preparePassword(byte[] password) {
        if (isAscii(password)) {
            return password.clone();
        }
        int[] codePoints = decodeUtf8(password);
        if (codePoints == null) {
            return password.clone();
        }
        try {
            int[] prepared = prepareCodePoints(codePoints);
            try {
                return encodeUtf8(prepared);
            } finally {
                Arrays.fill(prepared, 0);
            }
        } catch (Prohibited e) {
            return password.clone();
        } finally {
            Arrays.fill(codePoints, 0);
        }
    }

    /**
     * SASLprep of a string that must be valid SASLprep input, such as a SCRAM user name.
     *
     * @throws IllegalArgumentException naming the offending character and the rule it breaks
     */
    public static String prepare(String s) {
        try {
            int[] prepared = prepareCodePoints(s.codePoints().toArray());
            return new String(prepared, 0, prepared.length);
        } catch (Prohibited e) {
            throw new IllegalArgumentException("SASLprep (RFC 4013) refuses this string: " + e.getMessage());
        }
    }

    /** RFC 3454 §2 steps 1 to 4 on code points; throws {@link Prohibited} when the string is refused. */
    private static int[] prepareCodePoints(int[] input) throws Prohibited {
        // 1. Map (RFC 4013 §2.1).
        int[] mapped = new int[input.length];
        int n = 0;
        for (int cp : input) {
            if (StringprepTables.contains(StringprepTables.NON_ASCII_SPACE, cp)) {
                mapped[n++] = ' ';
            } else if (!StringprepTables.contains(StringprepTables.MAPPED_TO_NOTHING, cp)) {
                mapped[n++] = cp;
            }
        }
        try {
            if (n == 0) {
                // pg_saslprep refuses an empty result ("don't allow empty password").
                throw new Prohibited("it is empty after mapping");
            }
            // 3. Prohibit and 4. bidi, on the mapped string as pg_saslprep does (see the class comment).
            checkProhibited(mapped, n);
            checkBidi(mapped, n);
            // 2. Normalize with NFKC (RFC 4013 §2.2).
            return nfkc(mapped, n);
        } finally {
            Arrays.fill(mapped, 0);
        }
    }

    private static void checkProhibited(int[] cps, int n) throws Prohibited {
        for (int i = 0; i < n; i++) {
            int cp = cps[i];
            if (StringprepTables.contains(StringprepTables.PROHIBITED, cp)) {
                throw new Prohibited(String.format("U+%04X at position %d is a prohibited character (RFC 4013 §2.3)", cp, i));
            }
            if (StringprepTables.contains(StringprepTables.UNASSIGNED, cp)) {
                throw new Prohibited(String.format("U+%04X at position %d is unassigned in Unicode 3.2 (RFC 3454 table A.1)", cp, i));
            }
        }
    }

    /** RFC 3454 §6: a string with a RandALCat character has no LCat one and begins and ends with RandALCat. */
    private static void checkBidi(int[] cps, int n) throws Prohibited {
        boolean hasRandAL = false;
        for (int i = 0; i < n && !hasRandAL; i++) {
            hasRandAL = StringprepTables.contains(StringprepTables.RAND_AL_CAT, cps[i]);
        }
        if (!hasRandAL) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (StringprepTables.contains(StringprepTables.L_CAT, cps[i])) {
                throw new Prohibited("it mixes right-to-left and left-to-right characters (RFC 3454 §6)");
            }
        }
        if (!StringprepTables.contains(StringprepTables.RAND_AL_CAT, cps[0])
                || !StringprepTables.contains(StringprepTables.RAND_AL_CAT, cps[n - 1])) {
            throw new Prohibited("it has right-to-left characters but does not begin and end with one (RFC 3454 §6)");
        }
    }

    private static int[] nfkc(int[] cps, int n) {
        char[] chars = new char[2 * n];
        int len = 0;
        for (int i = 0; i < n; i++) {
            len += Character.toChars(cps[i], chars, len);
        }
        try {
            CharBuffer text = CharBuffer.wrap(chars, 0, len);
            if (Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
                return Arrays.copyOf(cps, n);
            }
            return Normalizer.normalize(text, Normalizer.Form.NFKC).codePoints().toArray();
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Strict UTF-8 decoding (no overlong forms, no surrogates), or {@code null} when not valid. */
    private static int[] decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] chars = new char[bytes.length];
        CharBuffer out = CharBuffer.wrap(chars);
        try {
            if (decoder.decode(ByteBuffer.wrap(bytes), out, true).isError() || decoder.flush(out).isError()) {
                return null;
            }
            out.flip();
            return out.codePoints().toArray();
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    static byte[] encodeUtf8(int[] cps) {
        int size = 0;
        for (int cp : cps) {
            size += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        }
        byte[] out = new byte[size];
        int i = 0;
        for (int cp : cps) {
            if (cp < 0x80) {
                out[i++] = (byte) cp;
            } else if (cp < 0x800) {
                out[i++] = (byte) (0xC0 | cp >> 6);
                out[i++] = (byte) (0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                out[i++] = (byte) (0xE0 | cp >> 12);
                out[i++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[i++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[i++] = (byte) (0xF0 | cp >> 18);
                out[i++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[i++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[i++] = (byte) (0x80 | cp & 0x3F);
            }
        }
        return out;
    }

    /** Why a string was refused; cheap (no stack trace) because passwords take this path routinely. */
    private static final class Prohibited extends Exception {
        private static final long serialVersionUID = 1L;

        Prohibited(String reason) {
            super(reason, null, false, false);
        }
    }
}
