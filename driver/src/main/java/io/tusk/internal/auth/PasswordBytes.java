package io.tusk.internal.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A password as the bytes PostgreSQL authentication works on: its UTF-8 encoding, made without
 * a {@code String} so that the caller can clear every copy.
 * <pre>{@code
 * byte[] pw = PasswordBytes.utf8(passwordChars);
 * try { ... } finally { PasswordBytes.clear(pw); }
 * }</pre>
 */
public final class PasswordBytes {

    private PasswordBytes() {
    }

    /** The UTF-8 encoding of {@code password}; unpaired surrogates become {@code '?'}. The argument is left as it is. */
    public static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] result = new byte[encoded.remaining()];
        encoded.get(result);
        // The encoder's buffer holds a copy too.
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return result;
    }

    /** Overwrites {@code bytes} with zeros; {@code null} is ignored. */
    public static void clear(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
