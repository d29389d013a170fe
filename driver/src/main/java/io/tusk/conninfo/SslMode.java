package io.tusk.conninfo;

/**
 * The {@code sslmode} connection parameter: whether and how to protect the connection with TLS
 * (PostgreSQL docs, "SSL Support", table "SSL Mode Descriptions").
 *
 * <pre>{@code
 * SslMode mode = Conninfo.parse("sslmode=verify-full").resolve().sslMode();  // VERIFY_FULL
 * mode.verifiesHostName();  // true
 * }</pre>
 *
 * <p>The default is {@link #PREFER}, or {@link #VERIFY_FULL} when {@code sslrootcert=system}.
 */
public enum SslMode {
    /** Plain connection only. */
    DISABLE("disable"),
    /** Plain first; TLS if the server insists. */
    ALLOW("allow"),
    /** TLS first; plain if the server has no TLS. The default. */
    PREFER("prefer"),
    /** TLS only, the server certificate is not checked. */
    REQUIRE("require"),
    /** TLS only, the server certificate must be signed by a trusted CA. */
    VERIFY_CA("verify-ca"),
    /** TLS only, trusted CA and the host name must match the certificate. */
    VERIFY_FULL("verify-full");

    private final String value;

    SslMode(String value) {
        this.value = value;
    }

    /** The parameter value as libpq spells it, e.g. {@code "verify-full"}. */
    public String value() {
        return value;
    }

    /**
     * The constant for a parameter value as libpq spells it.
     *
     * @throws io.tusk.errors.ProgrammingException for a value libpq does not accept
     */
    public static SslMode of(String value) {
        for (SslMode constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        Params.check("sslmode", value, ""); // throws, naming the accepted values
        throw new AssertionError("the parameter table accepts " + value);
    }

    /** Whether a plain (unencrypted) connection is refused: {@code require} and the verify modes. */
    public boolean requiresEncryption() {
        return compareTo(REQUIRE) >= 0;
    }

    /** Whether the server certificate chain must lead to a trusted root: {@code verify-ca}, {@code verify-full}. */
    public boolean verifiesCertificate() {
        return compareTo(VERIFY_CA) >= 0;
    }

    /** Whether the server host name must match its certificate: {@code verify-full}. */
    public boolean verifiesHostName() {
        return this == VERIFY_FULL;
    }
}
