package io.tusk.conninfo;

/**
 * The {@code gssencmode} connection parameter: whether to encrypt the connection with GSSAPI
 * (Kerberos) instead of TLS (PostgreSQL docs, "Secure TCP/IP Connections with GSSAPI Encryption").
 *
 * <pre>{@code
 * GssEncMode mode = Conninfo.parse("gssencmode=require").resolve().gssEncMode();  // REQUIRE
 * }</pre>
 *
 * <p>The default is {@link #PREFER}: as in libpq, GSSAPI encryption is only tried when Kerberos
 * credentials are at hand (a ticket cache or a JAAS {@code Subject}), so a client without
 * Kerberos never notices it.
 */
public enum GssEncMode {
    /** Never ask for GSSAPI encryption. */
    DISABLE("disable"),
    /** Ask for it first when Kerberos credentials are available; otherwise, or if the server declines, go on with sslmode. The default. */
    PREFER("prefer"),
    /** GSSAPI encryption or no connection. */
    REQUIRE("require");

    private final String value;

    GssEncMode(String value) {
        this.value = value;
    }

    /** The parameter value as libpq spells it, e.g. {@code "require"}. */
    public String value() {
        return value;
    }

    /**
     * The constant for a parameter value as libpq spells it.
     *
     * @throws io.tusk.errors.ProgrammingException for a value libpq does not accept
     */
    public static GssEncMode of(String value) {
        for (GssEncMode constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        Params.check("gssencmode", value, ""); // throws, naming the accepted values
        throw new AssertionError("the parameter table accepts " + value);
    }
}
