package io.tusk.internal.auth;

import io.tusk.errors.OperationalException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of one SCRAM-SHA-256 or SCRAM-SHA-256-PLUS exchange (RFC 5802, RFC 7677),
 * as PostgreSQL's SASL authentication runs it: AuthenticationSASL, SASLInitialResponse,
 * AuthenticationSASLContinue, SASLResponse, AuthenticationSASLFinal.
 * <pre>{@code
 * ScramSha256Client scram = new ScramSha256Client(password, choice);
 * send(saslInitialResponse(scram.mechanism(), scram.clientFirstMessage()));
 * send(saslResponse(scram.handleServerFirst(saslContinueData)));
 * scram.verifyServerFinal(saslFinalData);   // throws unless the server proved it knows the password
 * }</pre>
 *
 * <p>Sans I/O: it sees only message payloads. One instance serves one attempt, in that order;
 * calling out of order is an {@link IllegalStateException}. The password is prepared with
 * {@link SaslPrep#preparePassword} at construction; that copy, the salted password and the client
 * key are cleared as soon as the client proof is computed. (The JDK's {@link Mac} keeps its own
 * copy of the HMAC key until it is collected; no public API clears it.)
 *
 * <p>As libpq does, the user name in the client-first-message is empty by default: PostgreSQL
 * ignores it and uses the one of the startup message.
 */
public final class ScramSha256Client {

    /** The mechanism name without channel binding. */
    public static final String MECHANISM = "SCRAM-SHA-256";
    /** The mechanism name with channel binding. */
    public static final String MECHANISM_PLUS = "SCRAM-SHA-256-PLUS";

    /**
     * The largest iteration count accepted from a server. PostgreSQL's default is 4096 and its
     * {@code scram_iterations} (16+) goes up to 2^31-1; libpq sets no limit. Each iteration is one
     * HMAC, so a hostile or misconfigured server could make the client spin for many minutes
     * before it can even check anything; ten million iterations take a few seconds.
     */
    public static final int MAX_ITERATIONS = 10_000_000;

    /** As libpq: 18 random bytes, 24 characters of base64. */
    private static final int NONCE_BYTES = 18;
    private static final int KEY_LENGTH = 32;
    private static final byte[] CLIENT_KEY = "Client Key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_KEY = "Server Key".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum State { NEW, FIRST_SENT, FINAL_SENT, COMPLETE, FAILED }

    private final ChannelBindingMode mode;
    private final byte[] bindingData;
    private final String username;
    private final Supplier<String> nonceSource;
    private byte[] preparedPassword;
    private State state = State.NEW;
    private String clientNonce;
    private byte[] clientFirstBare;
    private byte[] expectedServerSignature;

    /** An exchange with the mode and binding data {@link AuthPolicy#chooseSasl} chose. */
    public ScramSha256Client(byte[] password, SaslChoice choice) {
        this(password, choice.mode(), choice.bindingData());
    }

    /**
     * An exchange with an empty user name and a random nonce.
     *
     * @param password the password's bytes, normally UTF-8 ({@link PasswordBytes#utf8}); copied, not kept
     * @param mode the channel-binding flag to send
     * @param bindingData the tls-server-end-point hash for {@link ChannelBindingMode#TLS_SERVER_END_POINT}
     *        ({@link ChannelBinding#tlsServerEndPoint}), {@code null} for the other modes
     * @throws OperationalException when the password is empty: PostgreSQL never accepts one
     */
    public ScramSha256Client(byte[] password, ChannelBindingMode mode, byte[] bindingData) {
        this(password, mode, bindingData, "", ScramSha256Client::randomNonce);
    }

    /**
     * An exchange with a given user name and nonce source, for tests against published vectors
     * (RFC 7677 §3 uses {@code n=user}) and for SCRAM servers other than PostgreSQL.
     *
     * @param username sent after SASLprep and the {@code =2C}/{@code =3D} escaping of RFC 5802 §5.1
     * @param nonceSource gives the client nonce: printable ASCII without {@code ','}
     */
    public ScramSha256Client(byte[] password, ChannelBindingMode mode, byte[] bindingData,
                             String username, Supplier<String> nonceSource) {
        if (password.length == 0) {
            throw new OperationalException("no password supplied: the server asks for " + MECHANISM
                    + " authentication; give one with password=, PGPASSWORD or ~/.pgpass");
        }
        if ((mode == ChannelBindingMode.TLS_SERVER_END_POINT) != (bindingData != null)) {
            throw new IllegalArgumentException("binding data is needed for, and only for, tls-server-end-point");
        }
        if (bindingData != null && bindingData.length == 0) {
            throw new IllegalArgumentException("tls-server-end-point binding data is empty");
        }
        this.mode = mode;
        this.bindingData = bindingData == null ? null : bindingData.clone();
        this.username = username.isEmpty() ? "" : escapeSaslName(SaslPrep.prepare(username));
        this.nonceSource = nonceSource;
        this.preparedPassword = SaslPrep.preparePassword(password);
    }

    /** {@code "SCRAM-SHA-256-PLUS"} when binding to the TLS channel, else {@code "SCRAM-SHA-256"}. */
    public String mechanism() {
        return mode == ChannelBindingMode.TLS_SERVER_END_POINT ? MECHANISM_PLUS : MECHANISM;
    }

    /** The channel-binding flag this exchange sends. */
    public ChannelBindingMode channelBindingMode() {
        return mode;
    }

    /**
     * The client-first-message (RFC 5802 §7), the data of the SASLInitialResponse:
     * {@code gs2-header n=<user>,r=<client nonce>}, e.g. {@code n,,n=,r=fyko+d2lbbFgONRv9qkxdawL}.
     */
    public byte[] clientFirstMessage() {
        expect(State.NEW, "clientFirstMessage");
        clientNonce = nonceSource.get();
        if (clientNonce == null || clientNonce.isEmpty() || !isPrintable(clientNonce)) {
            throw new IllegalArgumentException("a SCRAM nonce is printable ASCII without ',' (RFC 5802 §7)");
        }
        clientFirstBare = utf8("n=" + username + ",r=" + clientNonce);
        state = State.FIRST_SENT;
        return concat(mode.gs2HeaderBytes(), clientFirstBare);
    }

    /**
     * Reads the server-first-message (the data of AuthenticationSASLContinue) and returns the
     * client-final-message with the proof, the data of the SASLResponse.
     *
     * @throws OperationalException when the message is malformed, when the server nonce does not
     *         extend ours, when the salt is not base64, when the iteration count is not an integer
     *         in 1..{@value #MAX_ITERATIONS}, or when the server requires an extension ({@code m=})
     */
    public byte[] handleServerFirst(byte[] serverFirst) {
        expect(State.FIRST_SENT, "handleServerFirst");
        state = State.FAILED;
        try {
            ScramAttributes attrs = ScramAttributes.parse("server-first-message", serverFirst);
            if (attrs.name(0) == 'm') {
                throw new OperationalException("SCRAM: the server requires an extension this client does not know"
                        + " (m=" + attrs.value(0) + "), RFC 5802 §5.1: authentication cannot continue");
            }
            String nonce = attrs.require(0, 'r');
            if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length() || !isPrintable(nonce)) {
                throw new OperationalException("SCRAM: invalid server nonce: it must be our nonce followed by the"
                        + " server's own (RFC 5802 §5.1); the server is not a correct SCRAM server or the"
                        + " exchange was tampered with");
            }
            byte[] salt = attrs.base64(1, 's');
            if (salt.length == 0) {
                throw new OperationalException("malformed SCRAM message (empty salt in server-first-message)");
            }
            int iterations = iterations(attrs.require(2, 'i'));
            // Attributes after i= are extensions, which RFC 5802 §5.1 says to ignore.

            byte[] withoutProof = utf8("c=" + Base64.getEncoder().encodeToString(channelBindingInput())
                    + ",r=" + nonce);
            byte[] authMessage = concat(clientFirstBare, new byte[] {','}, serverFirst, new byte[] {','}, withoutProof);
            byte[] proof = computeProofAndSignature(salt, iterations, authMessage);
            byte[] result = concat(withoutProof, utf8(",p=" + Base64.getEncoder().encodeToString(proof)));
            state = State.FINAL_SENT;
            return result;
        } finally {
            clearPassword();
        }
    }

    /**
     * Reads the server-final-message (the data of AuthenticationSASLFinal) and checks the server
     * signature in constant time; afterwards {@link #isComplete()} is true.
     *
     * @throws OperationalException when the server reports an error ({@code e=}), when the message
     *         is malformed, or when the signature is wrong: then the server does not know the
     *         password, and the connection must not be used
     */
    public void verifyServerFinal(byte[] serverFinal) {
        expect(State.FINAL_SENT, "verifyServerFinal");
        state = State.FAILED;
        ScramAttributes attrs = ScramAttributes.parse("server-final-message", serverFinal);
        if (attrs.name(0) == 'e') {
            throw new OperationalException("error received from server in SCRAM exchange: "
                    + io.tusk.internal.protocol.UntrustedText.clean(attrs.value(0)));
        }
        byte[] signature = attrs.base64(0, 'v');
        if (signature.length != KEY_LENGTH) {
            throw new OperationalException("malformed SCRAM message (invalid server signature: "
                    + signature.length + " bytes instead of " + KEY_LENGTH + ")");
        }
        // MessageDigest.isEqual takes the same time wherever the arrays differ.
        if (!MessageDigest.isEqual(expectedServerSignature, signature)) {
            throw new OperationalException("SCRAM: the server's signature is wrong: the server does not know"
                    + " the password (possible man-in-the-middle); the connection is refused");
        }
        state = State.COMPLETE;
    }

    /** Whether the server's signature was verified: the exchange finished and the server proved itself. */
    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    /** Whether the exchange finished bound to the TLS channel (SCRAM-SHA-256-PLUS), what channel_binding=require asks. */
    public boolean isChannelBound() {
        return isComplete() && mode == ChannelBindingMode.TLS_SERVER_END_POINT;
    }

    @Override
    public String toString() {
        return "ScramSha256Client[" + mechanism() + ", " + state + "]";
    }

    /** RFC 5802 §7: {@code c=} carries base64(gs2-header [ + cbind-data ]). */
    private byte[] channelBindingInput() {
        byte[] header = mode.gs2HeaderBytes();
        return bindingData == null ? header : concat(header, bindingData);
    }

    /** RFC 5802 §3: the client proof; keeps the expected ServerSignature and clears the keys. */
    private byte[] computeProofAndSignature(byte[] salt, int iterations, byte[] authMessage) {
        byte[] salted = null;
        byte[] clientKey = null;
        byte[] storedKey = null;
        byte[] clientSignature = null;
        byte[] serverKey = null;
        try {
            salted = hi(preparedPassword, salt, iterations);
            clientKey = hmac(salted, CLIENT_KEY);
            storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            clientSignature = hmac(storedKey, authMessage);
            serverKey = hmac(salted, SERVER_KEY);
            expectedServerSignature = hmac(serverKey, authMessage);
            byte[] proof = new byte[KEY_LENGTH];
            for (int i = 0; i < KEY_LENGTH; i++) {
                proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
            }
            return proof;
        } catch (GeneralSecurityException e) {
            // HmacSHA256 and SHA-256 are required of every Java SE implementation.
            throw new IllegalStateException("this JDK lacks HmacSHA256 or SHA-256", e);
        } finally {
            PasswordBytes.clear(salted);
            PasswordBytes.clear(clientKey);
            PasswordBytes.clear(storedKey);
            PasswordBytes.clear(clientSignature);
            PasswordBytes.clear(serverKey);
        }
    }

    /**
     * Hi() of RFC 5802 §2.2, which is PBKDF2 (RFC 8018) with HMAC-SHA-256 and one block. Written
     * out because javax.crypto's PBKDF2WithHmacSHA256 takes a char[] and encodes it itself,
     * while SCRAM needs the exact SASLprep'd (or raw) bytes.
     */
    static byte[] hi(byte[] password, byte[] salt, int iterations) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(password, "HmacSHA256"));
        mac.update(salt);
        mac.update(new byte[] {0, 0, 0, 1}); // INT(1), the block index
        byte[] u = mac.doFinal();
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            mac.update(u);
            mac.doFinal(u, 0);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        Arrays.fill(u, (byte) 0);
        return result;
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static int iterations(String text) {
        // Digits only: no sign, no spaces, as "i=" posit-number of RFC 5802 §7.
        boolean digits = !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
        long value = digits && text.length() <= 10 ? Long.parseLong(text) : -1;
        if (value < 1) {
            throw new OperationalException("malformed SCRAM message (invalid iteration count \"" + text + "\")");
        }
        if (value > MAX_ITERATIONS) {
            throw new OperationalException("SCRAM: the server asks for " + value + " iterations, more than the "
                    + MAX_ITERATIONS + " this client accepts (PostgreSQL's default is 4096): lower"
                    + " scram_iterations on the server and set the password again");
        }
        return (int) value;
    }

    private void clearPassword() {
        PasswordBytes.clear(preparedPassword);
        preparedPassword = null;
    }

    private void expect(State expected, String method) {
        if (state != expected) {
            throw new IllegalStateException(method + "() called in state " + state + ", expected " + expected
                    + ": one ScramSha256Client serves one exchange, in order");
        }
    }

    /** RFC 5802 §5.1 saslname: ',' and '=' escaped as "=2C" and "=3D". */
    private static String escapeSaslName(String prepared) {
        return prepared.replace("=", "=3D").replace(",", "=2C");
    }

    /** printable = %x21-2B / %x2D-7E (RFC 5802 §7): no control, no space, no comma. */
    private static boolean isPrintable(String s) {
        return s.chars().allMatch(c -> c >= 0x21 && c <= 0x7E && c != ',');
    }

    private static String randomNonce() {
        byte[] raw = new byte[NONCE_BYTES];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
