package io.tusk.fuzz;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL runs it, so the fake
 * server can complete a real SCRAM dialogue: the client's proof is checked and the server
 * signature is the true one, which a mutation may then spoil.
 */
final class ScramServer {
    static final int ITERATIONS = 4096;
    private static final byte[] SALT = "tusk-fuzz-salt!!".getBytes(StandardCharsets.US_ASCII);
    private static volatile byte[] saltedFor;
    private static volatile String saltedPassword;

    private final String password;
    private final String serverNonce;
    private String clientFirstBare;
    private String serverFirst;
    private String combinedNonce;

    ScramServer(String password, String serverNonce) {
        this.password = password;
        this.serverNonce = serverNonce;
    }

    /** The server-first-message for the client-first-message; null when it is malformed. */
    String first(String clientFirst) {
        // gs2-header "n,," (or "y,,"), then "n=<user>,r=<nonce>"; PostgreSQL ignores the user name.
        int bare = clientFirst.indexOf(",,");
        if (bare < 0) {
            return null;
        }
        clientFirstBare = clientFirst.substring(bare + 2);
        int r = clientFirstBare.indexOf("r=");
        if (r < 0) {
            return null;
        }
        String clientNonce = clientFirstBare.substring(r + 2).split(",", 2)[0];
        combinedNonce = clientNonce + serverNonce;
        serverFirst = "r=" + combinedNonce + ",s=" + Base64.getEncoder().encodeToString(SALT) + ",i=" + ITERATIONS;
        return serverFirst;
    }

    /** The server-final-message ("v=..."), or null when the client's proof is wrong. */
    String last(String clientFinal) {
        int p = clientFinal.lastIndexOf(",p=");
        if (p < 0 || serverFirst == null) {
            return null;
        }
        String withoutProof = clientFinal.substring(0, p);
        if (!withoutProof.contains("r=" + combinedNonce)) {
            return null;
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(clientFinal.substring(p + 3));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] salted = salted();
        byte[] clientKey = hmac(salted, "Client Key");
        byte[] storedKey = sha256(clientKey);
        byte[] signature = hmac(storedKey, authMessage);
        if (proof.length != clientKey.length) {
            return null;
        }
        for (int i = 0; i < proof.length; i++) {
            if ((byte) (proof[i] ^ signature[i]) != clientKey[i]) {
                return null;
            }
        }
        byte[] serverSignature = hmac(hmac(salted, "Server Key"), authMessage);
        return "v=" + Base64.getEncoder().encodeToString(serverSignature);
    }

    /** PBKDF2 is the costly step; every session uses the same salt and password, so it is kept. */
    private byte[] salted() {
        byte[] s = saltedFor;
        if (s != null && password.equals(saltedPassword)) {
            return s;
        }
        try {
            SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            s = f.generateSecret(new PBEKeySpec(password.toCharArray(), SALT, ITERATIONS, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        saltedPassword = password;
        saltedFor = s;
        return s;
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
