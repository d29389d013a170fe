package io.tusk.internal.auth;

import io.tusk.errors.OperationalException;
import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code tls-server-end-point} channel-binding data of RFC 5929 §4.1, the one binding
 * PostgreSQL's SCRAM-SHA-256-PLUS uses: a hash of the server certificate's DER encoding.
 * <pre>{@code
 * X509Certificate cert = (X509Certificate) sslSession.getPeerCertificates()[0];
 * byte[] cbindData = ChannelBinding.tlsServerEndPoint(cert);
 * }</pre>
 *
 * <p>The hash function is the one of the certificate's signature algorithm, except that MD5 and
 * SHA-1 are replaced by SHA-256 (RFC 5929 §4.1). For RSASSA-PSS it is the hash named in the
 * signature's parameters, as PostgreSQL's server and libpq find it with OpenSSL's
 * {@code X509_get_signature_info}. Signature algorithms without a hash function of their own,
 * Ed25519 and Ed448, have no tls-server-end-point at all: PostgreSQL fails on them too ("could
 * not find digest for NID UNDEF"), so channel binding cannot work with such a certificate.
 */
public final class ChannelBinding {

    private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";

    /** Ed25519 and Ed448 (RFC 8410 §3): the signature hashes internally, so there is no hash to reuse. */
    private static final Set<String> EDDSA = Set.of("1.3.101.112", "1.3.101.113");

    /** Signature algorithm OID to the hash tls-server-end-point uses, MD5 and SHA-1 already replaced. */
    private static final Map<String, String> HASH_BY_SIGNATURE_OID = Map.ofEntries(
            // PKCS #1 (RFC 8017 appendix C, RFC 4055)
            Map.entry("1.2.840.113549.1.1.4", "SHA-256"),   // md5WithRSAEncryption
            Map.entry("1.2.840.113549.1.1.5", "SHA-256"),   // sha1WithRSAEncryption
            Map.entry("1.2.840.113549.1.1.14", "SHA-224"),
            Map.entry("1.2.840.113549.1.1.11", "SHA-256"),
            Map.entry("1.2.840.113549.1.1.12", "SHA-384"),
            Map.entry("1.2.840.113549.1.1.13", "SHA-512"),
            Map.entry("1.2.840.113549.1.1.15", "SHA-512/224"),
            Map.entry("1.2.840.113549.1.1.16", "SHA-512/256"),
            // ECDSA (RFC 5758 §3.2)
            Map.entry("1.2.840.10045.4.1", "SHA-256"),      // ecdsa-with-SHA1
            Map.entry("1.2.840.10045.4.3.1", "SHA-224"),
            Map.entry("1.2.840.10045.4.3.2", "SHA-256"),
            Map.entry("1.2.840.10045.4.3.3", "SHA-384"),
            Map.entry("1.2.840.10045.4.3.4", "SHA-512"),
            // DSA (RFC 3279 §2.2.2, RFC 5758 §3.1)
            Map.entry("1.2.840.10040.4.3", "SHA-256"),      // dsa-with-sha1
            Map.entry("2.16.840.1.101.3.4.3.1", "SHA-224"),
            Map.entry("2.16.840.1.101.3.4.3.2", "SHA-256"),
            Map.entry("2.16.840.1.101.3.4.3.3", "SHA-384"),
            Map.entry("2.16.840.1.101.3.4.3.4", "SHA-512"),
            // SHA-3 with DSA, ECDSA, RSA (NIST CSOR sigAlgs arc)
            Map.entry("2.16.840.1.101.3.4.3.5", "SHA3-224"),
            Map.entry("2.16.840.1.101.3.4.3.6", "SHA3-256"),
            Map.entry("2.16.840.1.101.3.4.3.7", "SHA3-384"),
            Map.entry("2.16.840.1.101.3.4.3.8", "SHA3-512"),
            Map.entry("2.16.840.1.101.3.4.3.9", "SHA3-224"),
            Map.entry("2.16.840.1.101.3.4.3.10", "SHA3-256"),
            Map.entry("2.16.840.1.101.3.4.3.11", "SHA3-384"),
            Map.entry("2.16.840.1.101.3.4.3.12", "SHA3-512"),
            Map.entry("2.16.840.1.101.3.4.3.13", "SHA3-224"),
            Map.entry("2.16.840.1.101.3.4.3.14", "SHA3-256"),
            Map.entry("2.16.840.1.101.3.4.3.15", "SHA3-384"),
            Map.entry("2.16.840.1.101.3.4.3.16", "SHA3-512"));

    private ChannelBinding() {
    }

    /**
     * The tls-server-end-point binding data for {@code serverCertificate}: its DER encoding hashed
     * with the function RFC 5929 §4.1 picks.
     *
     * @throws OperationalException when the certificate's signature algorithm has no usable hash
     *         (Ed25519, Ed448, an unknown algorithm), naming it and saying what to do
     */
    public static byte[] tlsServerEndPoint(X509Certificate serverCertificate) {
        String hash = hashAlgorithm(serverCertificate).orElseThrow(() -> noHash(serverCertificate));
        try {
            return MessageDigest.getInstance(hash).digest(serverCertificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new OperationalException("channel binding: cannot hash the server certificate with "
                    + hash + ": " + e.getMessage(), e);
        }
    }

    /**
     * The name of the {@link MessageDigest} tls-server-end-point uses for this certificate, or
     * empty when its signature algorithm names none (Ed25519, Ed448) or is not known here.
     */
    public static Optional<String> hashAlgorithm(X509Certificate certificate) {
        String oid = certificate.getSigAlgOID();
        if (RSASSA_PSS.equals(oid)) {
            return pssHash(certificate.getSigAlgParams());
        }
        return Optional.ofNullable(HASH_BY_SIGNATURE_OID.get(oid));
    }

    /** The hash of RSASSA-PSS parameters (RFC 4055 §3.1); absent parameters mean SHA-1. */
    private static Optional<String> pssHash(byte[] encodedParams) {
        String digest;
        if (encodedParams == null) {
            digest = "SHA-1";
        } else {
            try {
                AlgorithmParameters params = AlgorithmParameters.getInstance("RSASSA-PSS");
                params.init(encodedParams);
                digest = params.getParameterSpec(PSSParameterSpec.class).getDigestAlgorithm();
            } catch (GeneralSecurityException | IOException e) {
                return Optional.empty();
            }
        }
        String normalized = digest.toUpperCase(Locale.ROOT);
        if (normalized.equals("SHA-1") || normalized.equals("SHA1") || normalized.equals("MD5")) {
            return Optional.of("SHA-256");
        }
        return Optional.of(digest);
    }

    private static OperationalException noHash(X509Certificate certificate) {
        String algorithm = certificate.getSigAlgName() + " (OID " + certificate.getSigAlgOID() + ")";
        String why = EDDSA.contains(certificate.getSigAlgOID())
                ? ", which uses no separate hash function,"
                : ", a signature algorithm whose hash function Tusk does not know,";
        return new OperationalException("channel binding: the server certificate is signed with " + algorithm
                + why + " so it has no tls-server-end-point binding (RFC 5929 §4.1), and PostgreSQL cannot"
                + " compute one either: give the server a certificate signed with RSA or ECDSA, or connect"
                + " with channel_binding=disable");
    }
}
