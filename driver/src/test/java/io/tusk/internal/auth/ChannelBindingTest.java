package io.tusk.internal.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.OperationalException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelBindingTest {

    private static void assertEndPoint(String pem, String digest, String opensslHex) throws Exception {
        X509Certificate cert = TestCertificates.parse(pem);
        byte[] binding = ChannelBinding.tlsServerEndPoint(cert);
        assertArrayEquals(MessageDigest.getInstance(digest).digest(cert.getEncoded()), binding);
        assertEquals(opensslHex, HexFormat.of().formatHex(binding));
        assertEquals(Optional.of(digest), ChannelBinding.hashAlgorithm(cert));
    }

    @Test
    void ecdsaWithSha256CertificateIsHashedWithSha256() throws Exception {
        assertEndPoint(TestCertificates.ECDSA_SHA256, "SHA-256", TestCertificates.ECDSA_SHA256_HASH_HEX);
    }

    @Test
    void ecdsaWithSha384CertificateIsHashedWithSha384() throws Exception {
        assertEndPoint(TestCertificates.ECDSA_SHA384, "SHA-384", TestCertificates.ECDSA_SHA384_HASH_HEX);
    }

    @Test
    void sha1SignedCertificateIsHashedWithSha256PerRfc5929() throws Exception {
        assertEndPoint(TestCertificates.ECDSA_SHA1, "SHA-256", TestCertificates.ECDSA_SHA1_HASH_HEX);
    }

    @Test
    void rsaWithSha512CertificateIsHashedWithSha512() throws Exception {
        assertEndPoint(TestCertificates.RSA_SHA512, "SHA-512", TestCertificates.RSA_SHA512_HASH_HEX);
    }

    @Test
    void rsassaPssCertificateIsHashedWithTheHashOfItsParameters() throws Exception {
        assertEndPoint(TestCertificates.RSASSA_PSS_SHA384, "SHA-384", TestCertificates.RSASSA_PSS_SHA384_HASH_HEX);
    }

    @Test
    void ed25519CertificateHasNoEndPointBindingAndSaysWhatToDo() {
        X509Certificate cert = TestCertificates.parse(TestCertificates.ED25519);
        assertEquals(Optional.empty(), ChannelBinding.hashAlgorithm(cert));
        OperationalException e = assertThrows(OperationalException.class, () -> ChannelBinding.tlsServerEndPoint(cert));
        assertTrue(e.getMessage().contains("Ed25519"), e.getMessage());
        assertTrue(e.getMessage().contains("channel_binding=disable"), e.getMessage());
    }
}
