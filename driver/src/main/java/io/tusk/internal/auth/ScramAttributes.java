package io.tusk.internal.auth;

import io.tusk.errors.OperationalException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A SCRAM message from the server split into its {@code name=value} attributes (RFC 5802 §7:
 * {@code attr-val = ALPHA "=" value}, separated by commas, values never contain a comma).
 */
final class ScramAttributes {

    private final String message;
    private final String[] attributes;

    private ScramAttributes(String message, String[] attributes) {
        this.message = message;
        this.attributes = attributes;
    }

    /**
     * Splits {@code bytes}, which must be UTF-8 and made of attributes only.
     *
     * @param what the message's name in RFC 5802, for errors
     */
    static ScramAttributes parse(String what, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new OperationalException("malformed SCRAM message (" + what + " is not valid UTF-8)");
        }
        String[] attributes = text.split(",", -1);
        for (String a : attributes) {
            if (a.length() < 2 || !isAlpha(a.charAt(0)) || a.charAt(1) != '=') {
                throw new OperationalException("malformed SCRAM message (" + what + " \"" + io.tusk.internal.protocol.UntrustedText.clean(text)
                        + "\" is not a list of name=value attributes)");
            }
        }
        return new ScramAttributes(what, attributes);
    }

    /** The name of attribute {@code index}, or 0 when there are fewer attributes. */
    char name(int index) {
        return index < attributes.length ? attributes[index].charAt(0) : 0;
    }

    String value(int index) {
        return attributes[index].substring(2);
    }

    /** The value of attribute {@code index}, which must be named {@code name}. */
    String require(int index, char name) {
        if (name(index) != name) {
            throw new OperationalException("malformed SCRAM message (expected attribute \"" + name
                    + "\" in position " + (index + 1) + " of " + message + ")");
        }
        return value(index);
    }

    /** The base64-decoded value of attribute {@code index}, which must be named {@code name}. */
    byte[] base64(int index, char name) {
        String value = require(index, name);
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new OperationalException("malformed SCRAM message (attribute \"" + name + "\" of " + message
                    + " is not valid base64)");
        }
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
