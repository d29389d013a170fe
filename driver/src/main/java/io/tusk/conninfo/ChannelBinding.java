package io.tusk.conninfo;

/**
 * The {@code channel_binding} connection parameter: whether SCRAM authentication must bind to the
 * TLS channel (SCRAM-SHA-256-PLUS, RFC 5929 {@code tls-server-end-point}), so that a
 * man in the middle holding another certificate cannot relay the login.
 *
 * <pre>{@code
 * Conninfo.parse("sslmode=require channel_binding=require").resolve().channelBinding();  // REQUIRE
 * }</pre>
 *
 * <p>The default is {@link #PREFER}: bind when TLS and the server allow it.
 */
public enum ChannelBinding {
    /** Never use channel binding. */
    DISABLE("disable"),
    /** Use channel binding when available. The default. */
    PREFER("prefer"),
    /** Fail the connection unless the server authenticates with channel binding. */
    REQUIRE("require");

    private final String value;

    ChannelBinding(String value) {
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
    public static ChannelBinding of(String value) {
        for (ChannelBinding constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        Params.check("channel_binding", value, ""); // throws, naming the accepted values
        throw new AssertionError("the parameter table accepts " + value);
    }
}
