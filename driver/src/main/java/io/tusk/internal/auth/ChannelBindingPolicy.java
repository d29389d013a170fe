package io.tusk.internal.auth;

import io.tusk.errors.OperationalException;

/**
 * The {@code channel_binding} connection parameter of libpq (PostgreSQL 13+): whether SCRAM
 * authentication binds itself to the TLS connection.
 * <pre>{@code
 * ChannelBindingPolicy.parse("require")   // REQUIRE
 * ChannelBindingPolicy.parse(null)        // PREFER, the default
 * }</pre>
 */
public enum ChannelBindingPolicy {
    /** Never use channel binding. */
    DISABLE("disable"),
    /** Use it when the server offers it over TLS; the default. */
    PREFER("prefer"),
    /** Refuse to connect unless the server authenticated with SCRAM-SHA-256-PLUS. */
    REQUIRE("require");

    private final String keyword;

    ChannelBindingPolicy(String keyword) {
        this.keyword = keyword;
    }

    /** The connection parameter value: {@code disable}, {@code prefer} or {@code require}. */
    public String keyword() {
        return keyword;
    }

    /**
     * Reads a {@code channel_binding} value as libpq does (exact, lower case); {@code null} or
     * empty means the default, {@link #PREFER}.
     *
     * @throws OperationalException for any other value, with libpq's text
     */
    public static ChannelBindingPolicy parse(String value) {
        if (value == null || value.isEmpty()) {
            return PREFER;
        }
        for (ChannelBindingPolicy p : values()) {
            if (p.keyword.equals(value)) {
                return p;
            }
        }
        throw new OperationalException("invalid channel_binding value: \"" + value
                + "\": use disable, prefer or require");
    }
}
