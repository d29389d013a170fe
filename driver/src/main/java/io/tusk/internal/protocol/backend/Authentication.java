package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.ReadBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The Authentication* messages ('R'): one record per request code. Codes Tusk cannot answer
 * (Kerberos V5, SSPI) decode to {@link Unsupported} so the connection can name them.
 */
public sealed interface Authentication extends BackendMessage {
    /** AuthenticationOk (0). */
    enum Ok implements Authentication { INSTANCE }

    /** AuthenticationCleartextPassword (3). */
    enum CleartextPassword implements Authentication { INSTANCE }

    /** AuthenticationMD5Password (5) with its 4-byte salt. */
    record Md5Password(byte[] salt) implements Authentication {
    }

    /** AuthenticationSASL (10): the mechanisms the server offers, in its order of preference. */
    record Sasl(List<String> mechanisms) implements Authentication {
    }

    /** AuthenticationSASLContinue (11): SCRAM's server-first-message. */
    record SaslContinue(byte[] data) implements Authentication {
    }

    /** AuthenticationSASLFinal (12): SCRAM's server-final-message. */
    record SaslFinal(byte[] data) implements Authentication {
    }

    /** AuthenticationGSS (7): the client starts a GSSAPI security context. */
    enum Gss implements Authentication { INSTANCE }

    /** AuthenticationGSSContinue (8): the server's next GSSAPI token. */
    record GssContinue(byte[] data) implements Authentication {
    }

    /** A method Tusk does not implement: 2 Kerberos V5, 9 SSPI (and any code made up by a test). */
    record Unsupported(int code) implements Authentication {
        public String methodName() {
            return switch (code) {
                case 2 -> "Kerberos V5";
                case 7, 8 -> "GSSAPI";
                case 9 -> "SSPI";
                default -> "code " + code;
            };
        }
    }

    static Authentication decode(ReadBuffer in) {
        int code = in.int32();
        Authentication m = switch (code) {
            case 0 -> Ok.INSTANCE;
            case 3 -> CleartextPassword.INSTANCE;
            case 5 -> new Md5Password(in.bytes(4));
            case 10 -> new Sasl(mechanisms(in));
            case 11 -> new SaslContinue(in.rest());
            case 12 -> new SaslFinal(in.rest());
            case 7 -> Gss.INSTANCE;
            case 8 -> new GssContinue(in.rest());
            case 2, 9 -> new Unsupported(code);
            default -> throw new ProtocolViolation("Authentication has an unknown request code " + code);
        };
        in.expectEnd();
        return m;
    }

    private static List<String> mechanisms(ReadBuffer in) {
        List<String> names = new ArrayList<>(2);
        for (String name = in.cstring(); !name.isEmpty(); name = in.cstring()) {
            names.add(name);
        }
        return List.copyOf(names);
    }
}
