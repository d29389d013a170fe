package io.tusk.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The answer to PostgreSQL's AuthenticationMD5Password request:
 * {@code "md5" + hex(md5(hex(md5(password + user)) + salt))} (protocol "Message Flow",
 * libpq's {@code pg_password_sendauth}).
 * <pre>{@code
 * byte[] payload = Md5Password.encode("app", passwordBytes, salt4);   // 35 ASCII bytes
 * // PasswordMessage = 'p', length, payload, '\0'
 * }</pre>
 * The inner hash is what {@code pg_authid.rolpassword} stores after its {@code md5} prefix; the
 * salt makes the outer one differ on each connection.
 */
public final class Md5Password {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Md5Password() {
    }

    /**
     * The PasswordMessage payload for MD5 authentication: {@code "md5"} followed by 32 lower-case
     * hex digits, 35 bytes, <em>without</em> the terminating NUL the message adds.
     *
     * @param user the user name of the startup message (the role), encoded in UTF-8
     * @param password the password's bytes (see {@link PasswordBytes#utf8}); not kept, not changed
     * @param salt the 4 bytes of the AuthenticationMD5Password message
     */
    public static byte[] encode(String user, byte[] password, byte[] salt) {
        if (salt.length != 4) {
            throw new IllegalArgumentException("the MD5 salt has 4 bytes, got " + salt.length);
        }
        MessageDigest md5 = md5();
        md5.update(password);
        md5.update(user.getBytes(StandardCharsets.UTF_8));
        byte[] inner = md5.digest();
        byte[] innerHex = hex(inner);
        md5.update(innerHex);
        md5.update(salt);
        byte[] outer = md5.digest();
        Arrays.fill(inner, (byte) 0);
        Arrays.fill(innerHex, (byte) 0);

        byte[] result = new byte[35];
        result[0] = 'm';
        result[1] = 'd';
        result[2] = '5';
        System.arraycopy(hex(outer), 0, result, 3, 32);
        return result;
    }

    private static byte[] hex(byte[] bytes) {
        byte[] out = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return out;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE implementation must provide MD5 (MessageDigest's class documentation).
            throw new IllegalStateException("this JDK has no MD5 MessageDigest", e);
        }
    }
}
