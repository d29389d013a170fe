package io.tusk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsFilesTest {
    private static final char[] PASSWORD = "keypass".toCharArray();
    @TempDir
    static Path dir;
    static TlsFiles tls;

    @BeforeAll
    static void generate() {
        tls = TlsFiles.generate(dir, PASSWORD);
    }

    static X509Certificate cert(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static byte[] pemBody(Path file, String label) throws Exception {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        assertTrue(text.startsWith(begin), () -> file + " starts with " + begin);
        String body = text.substring(begin.length(), text.indexOf("-----END " + label + "-----"));
        return Base64.getMimeDecoder().decode(body);
    }

    /** Proves a private key belongs to a certificate: what it signs, the certificate's key verifies. */
    static void assertKeyMatches(PrivateKey key, X509Certificate cert) throws GeneralSecurityException {
        byte[] data = "tusk".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(data);
        byte[] sig = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(cert.getPublicKey());
        verifier.update(data);
        assertTrue(verifier.verify(sig), "the key does not match the certificate");
    }

    @Test
    void serverCertificateIsSignedByTheCaAndNamesLocalhostAndBothLoopbackAddresses() throws Exception {
        X509Certificate ca = cert(tls.caFile());
        X509Certificate server = cert(tls.serverCert());
        server.verify(ca.getPublicKey());
        assertEquals(ca.getSubjectX500Principal(), server.getIssuerX500Principal());
        List<String> sans = server.getSubjectAlternativeNames().stream().map(e -> e.get(1).toString()).toList();
        assertTrue(sans.containsAll(List.of("localhost", "127.0.0.1")), sans::toString);
        assertTrue(sans.stream().anyMatch(s -> s.equals("0:0:0:0:0:0:0:1") || s.equals("::1")), sans::toString);
        assertTrue(server.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        assertEquals(-1, server.getBasicConstraints(), "not a CA");
        assertTrue(ca.getBasicConstraints() >= 0, "the CA is a CA");
    }

    @Test
    void certificatesAreValidNowAndForSomeDays() throws Exception {
        for (Path p : List.of(tls.caFile(), tls.serverCert(), tls.clientCert(), tls.otherCaFile())) {
            X509Certificate c = cert(p);
            c.checkValidity();
            c.checkValidity(Date.from(Instant.now().plus(Duration.ofDays(3))));
        }
    }

    @Test
    void clientCertificateIsForTuskCertAndNotSignedByTheOtherCa() throws Exception {
        X509Certificate client = cert(tls.clientCert());
        assertEquals("CN=tusk_cert", client.getSubjectX500Principal().getName());
        client.verify(cert(tls.caFile()).getPublicKey());
        assertThrows(GeneralSecurityException.class, () -> client.verify(cert(tls.otherCaFile()).getPublicKey()));
        assertTrue(client.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"), "clientAuth");
    }

    @Test
    void keysAreReadableOnlyByTheirOwner() throws Exception {
        for (Path p : List.of(tls.serverKey(), tls.clientKey(), tls.clientKeyEncrypted(), tls.clientPkcs12())) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p::toString);
        }
    }

    @Test
    void plainClientKeyIsPkcs8PemOfTheCertificatesKey() throws Exception {
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(tls.clientKey(), "PRIVATE KEY")));
        assertKeyMatches(key, cert(tls.clientCert()));
        PrivateKey serverKey = KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(pemBody(tls.serverKey(), "PRIVATE KEY")));
        assertKeyMatches(serverKey, cert(tls.serverCert()));
    }

    @Test
    void encryptedClientKeyOpensWithTheJdkAloneAndThePassword() throws Exception {
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(pemBody(tls.clientKeyEncrypted(), "ENCRYPTED PRIVATE KEY"));
        // PBES2 parameters name the JDK algorithm, e.g. PBEWithHmacSHA256AndAES_256 (RFC 8018).
        String algorithm = info.getAlgParameters().toString();
        assertEquals("PBEWithHmacSHA256AndAES_256", algorithm);
        SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(PASSWORD)), info.getAlgParameters());
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(info.getKeySpec(cipher));
        assertArrayEquals(pemBody(tls.clientKey(), "PRIVATE KEY"), key.getEncoded());

        Cipher wrong = Cipher.getInstance(algorithm);
        wrong.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec("nope".toCharArray())), info.getAlgParameters());
        assertThrows(GeneralSecurityException.class, () -> info.getKeySpec(wrong));
    }

    @Test
    void pkcs12HoldsTheClientKeyAndChainUnderAliasUser() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.clientPkcs12())) {
            store.load(in, PASSWORD);
        }
        PrivateKey key = (PrivateKey) store.getKey("user", PASSWORD);
        assertKeyMatches(key, cert(tls.clientCert()));
        assertEquals(2, store.getCertificateChain("user").length);
        assertEquals(cert(tls.caFile()), store.getCertificateChain("user")[1]);
    }
}
