package io.tusk.internal.auth;

import java.util.Optional;

/**
 * An authentication method a PostgreSQL server may ask for (the AuthenticationXXX request
 * messages of the protocol), named as libpq's {@code require_auth} names them.
 * <pre>{@code
 * AuthMethod.forRequestCode(10)   // Optional[SCRAM_SHA_256]: AuthenticationSASL
 * AuthMethod.MD5.keyword()        // "md5"
 * }</pre>
 */
public enum AuthMethod {
    /** No exchange at all: the server sent AuthenticationOk right away (trust, peer, cert...). {@code none} */
    NONE("none"),
    /** AuthenticationCleartextPassword (3). {@code password} */
    PASSWORD("password"),
    /** AuthenticationMD5Password (5). {@code md5} */
    MD5("md5"),
    /** AuthenticationSASL (10) and its continuations (11, 12): SCRAM-SHA-256 and -PLUS. {@code scram-sha-256} */
    SCRAM_SHA_256("scram-sha-256"),
    /** AuthenticationGSS (7) and AuthenticationGSSContinue (8). {@code gss} */
    GSS("gss"),
    /** AuthenticationSSPI (9). {@code sspi} */
    SSPI("sspi"),
    /** AuthenticationKerberosV5 (2), long gone from PostgreSQL; no {@code require_auth} name, never allowed by one. */
    KERBEROS(null);

    private final String keyword;

    AuthMethod(String keyword) {
        this.keyword = keyword;
    }

    /** The name of this method in {@code require_auth}, or {@code null} for {@link #KERBEROS}. */
    public String keyword() {
        return keyword;
    }

    /** The method a {@code require_auth} name denotes, if any. */
    static Optional<AuthMethod> forKeyword(String keyword) {
        for (AuthMethod m : values()) {
            if (m.keyword != null && m.keyword.equals(keyword)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The method an Authentication message asks for, from its request code (the Int32 after the
     * length). Empty for AuthenticationOk (0) and for codes the protocol no longer defines or
     * never did (crypt, SCM credentials, unknown): the connection reports those as unsupported.
     */
    public static Optional<AuthMethod> forRequestCode(int code) {
        switch (code) {
            case 1: // Kerberos 4
            case 2:
                return Optional.of(KERBEROS);
            case 3:
                return Optional.of(PASSWORD);
            case 5:
                return Optional.of(MD5);
            case 7:
            case 8: // GSSContinue also continues SSPI; GSS is how libpq describes it
                return Optional.of(GSS);
            case 9:
                return Optional.of(SSPI);
            case 10:
            case 11:
            case 12:
                return Optional.of(SCRAM_SHA_256);
            default:
                return Optional.empty();
        }
    }
}
