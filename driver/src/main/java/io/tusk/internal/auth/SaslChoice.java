package io.tusk.internal.auth;

/**
 * The SASL mechanism and channel-binding mode chosen for an AuthenticationSASL request, as
 * {@link AuthPolicy#chooseSasl} decides them; the connection sends {@link #mechanism()} in its
 * SASLInitialResponse.
 * <pre>{@code
 * SaslChoice choice = policy.chooseSasl(mechanisms, sslInUse, serverCertificate);
 * ScramSha256Client scram = new ScramSha256Client(password, choice);
 * }</pre>
 *
 * @param mechanism {@code "SCRAM-SHA-256"} or {@code "SCRAM-SHA-256-PLUS"}
 * @param mode the GS2 channel-binding flag
 * @param bindingData the tls-server-end-point hash of the server certificate for
 *        {@link ChannelBindingMode#TLS_SERVER_END_POINT}, otherwise {@code null}
 */
public record SaslChoice(String mechanism, ChannelBindingMode mode, byte[] bindingData) {

    public SaslChoice {
        boolean plus = mode == ChannelBindingMode.TLS_SERVER_END_POINT;
        String expected = plus ? ScramSha256Client.MECHANISM_PLUS : ScramSha256Client.MECHANISM;
        if (!expected.equals(mechanism)) {
            throw new IllegalArgumentException("mode " + mode + " goes with " + expected + ", not " + mechanism);
        }
        if (plus != (bindingData != null)) {
            throw new IllegalArgumentException("binding data is needed for, and only for, tls-server-end-point");
        }
    }
}
