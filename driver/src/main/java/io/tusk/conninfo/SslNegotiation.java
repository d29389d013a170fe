package io.tusk.conninfo;

/**
 * The {@code sslnegotiation} connection parameter (PostgreSQL 17): how TLS starts.
 *
 * <pre>{@code
 * Conninfo.parse("sslmode=require sslnegotiation=direct").resolve().sslNegotiation();  // DIRECT
 * }</pre>
 *
 * <p>The default is {@link #POSTGRES}. {@link #DIRECT} is accepted only with {@code sslmode}
 * {@code require} or stronger, as libpq, so that it never falls back to a plain connection.
 */
public enum SslNegotiation {
    /** Send an SSLRequest first and start TLS when the server answers {@code S}. The default. */
    POSTGRES("postgres"),
    /** Start the TLS handshake at once, with ALPN {@code postgresql}; needs PostgreSQL 17 or later. */
    DIRECT("direct");

    private final String value;

    SslNegotiation(String value) {
        this.value = value;
    }

    /** The parameter value as libpq spells it, e.g. {@code "direct"}. */
    public String value() {
        return value;
    }

    /**
     * The constant for a parameter value as libpq spells it.
     *
     * @throws io.tusk.errors.ProgrammingException for a value libpq does not accept
     */
    public static SslNegotiation of(String value) {
        for (SslNegotiation constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        Params.check("sslnegotiation", value, ""); // throws, naming the accepted values
        throw new AssertionError("the parameter table accepts " + value);
    }
}
