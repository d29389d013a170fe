package io.tusk.internal.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** The server side of SCRAM-SHA-256 (RFC 5802 §3), enough to script a login. */
final class ScramServer {
    private final byte[] salt = "tusk-test-salt!!".getBytes(StandardCharsets.US_ASCII);
    private final int iterations = 4096;
    private final byte[] saltedPassword;
    private String clientFirstBare;
    private String serverFirst;

    ScramServer(String password) throws Exception {
        saltedPassword = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
    }

    byte[] serverFirst(byte[] clientFirst) {
        String s = new String(clientFirst, StandardCharsets.UTF_8);
        clientFirstBare = s.substring(s.indexOf(",", s.indexOf(",") + 1) + 1);
        String nonce = clientFirstBare.substring(clientFirstBare.indexOf("r=") + 2);
        serverFirst = "r=" + nonce + "server-nonce,s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + iterations;
        return serverFirst.getBytes(StandardCharsets.UTF_8);
    }

    byte[] serverFinal(byte[] clientFinal) throws Exception {
        String s = new String(clientFinal, StandardCharsets.UTF_8);
        String withoutProof = s.substring(0, s.indexOf(",p="));
        byte[] proof = Base64.getDecoder().decode(s.substring(s.indexOf(",p=") + 3));
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
        byte[] signature = hmac(storedKey, authMessage);
        byte[] recovered = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            recovered[i] = (byte) (proof[i] ^ signature[i]);
        }
        assertArrayEquals(clientKey, recovered, "the client proved it knows the password");
        return serverFinalWithoutChecking(clientFinal);
    }

    byte[] serverFinalWithoutChecking(byte[] clientFinal) throws Exception {
        String s = new String(clientFinal, StandardCharsets.UTF_8);
        String authMessage = clientFirstBare + "," + serverFirst + "," + s.substring(0, s.indexOf(",p="));
        byte[] serverKey = hmac(saltedPassword, "Server Key");
        return ("v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage))).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
