package io.tusk.internal.auth;

import java.nio.charset.StandardCharsets;

/**
 * The channel-binding flag a SCRAM client sends in its GS2 header (RFC 5802 §7, PostgreSQL
 * "SASL Authentication"): whether the exchange binds itself to the TLS connection under it.
 * <pre>{@code
 * ChannelBindingMode.NONE.gs2Header()                  // "n,,"
 * ChannelBindingMode.TLS_SERVER_END_POINT.gs2Header()  // "p=tls-server-end-point,,"
 * }</pre>
 * The flag is part of what the client proof signs, so a man in the middle cannot change it.
 */
public enum ChannelBindingMode {
    /** {@code n}: the client does not support channel binding, or does not want it here (no TLS, channel_binding=disable). */
    NONE("n,,"),
    /**
     * {@code y}: the client supports channel binding but thinks the server does not, because TLS
     * is in use and the server did not offer SCRAM-SHA-256-PLUS. A server that does support it
     * then knows the offer was stripped on the way, and refuses (RFC 5802 §6, downgrade detection).
     */
    CLIENT_SUPPORTS_NOT_USED("y,,"),
    /** {@code p=tls-server-end-point}: SCRAM-SHA-256-PLUS, bound to the hash of the server's certificate (RFC 5929 §4). */
    TLS_SERVER_END_POINT("p=tls-server-end-point,,");

    private final String gs2Header;

    ChannelBindingMode(String gs2Header) {
        this.gs2Header = gs2Header;
    }

    /** The GS2 header, flag and empty authzid, with its trailing comma: {@code "n,,"}, {@code "y,,"} or {@code "p=tls-server-end-point,,"}. */
    public String gs2Header() {
        return gs2Header;
    }

    byte[] gs2HeaderBytes() {
        return gs2Header.getBytes(StandardCharsets.US_ASCII);
    }
}
