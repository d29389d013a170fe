package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/** The PasswordMessage ('p'): a cleartext or MD5-hashed password, NUL-terminated. */
public record PasswordMessage(byte[] password) implements FrontendMessage {
    @Override
    public void encode(WriteBuffer out) {
        out.beginMessage((byte) 'p').bytes(password).int1(0).endMessage();
    }

    @Override
    public String toString() {
        return "PasswordMessage[***]";
    }
}
