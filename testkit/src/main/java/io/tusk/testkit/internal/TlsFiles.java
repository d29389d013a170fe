package io.tusk.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The TLS files of the test server: a test CA, the server's certificate and key, a client
 * certificate for the {@code tusk_cert} role (PEM, encrypted PEM, PKCS#12) and an unrelated CA.
 *
 * <p>Example: {@code TlsFiles tls = TlsFiles.generate(dir); tls.caFile()} is what a client passes
 * as {@code sslrootcert} for {@code sslmode=verify-full}.
 *
 * <p>Keys are RSA 2048 (what most PostgreSQL deployments and libpq users have) and the
 * certificates are valid for a few days from an hour ago, so that a clock a little behind does
 * not fail a test. The encrypted key uses PKCS#5 v2 (PBES2, PBKDF2 with HMAC-SHA256,
 * AES-256-CBC; RFC 8018), the form {@code openssl pkcs8 -topk8} writes and the JDK can read.
 */
public final class TlsFiles {
    /** CN of the client certificate: the {@code cert} method maps it to the role name. */
    public static final String CLIENT_CN = "tusk_cert";
    private static final Duration VALIDITY = Duration.ofDays(4);

    private final Path caFile;
    private final Path otherCaFile;
    private final Path serverCert;
    private final Path serverKey;
    private final Path clientCert;
    private final Path clientKey;
    private final Path clientKeyEncrypted;
    private final Path clientPkcs12;

    private TlsFiles(Path dir) {
        this.caFile = dir.resolve("ca.crt");
        this.otherCaFile = dir.resolve("other-ca.crt");
        this.serverCert = dir.resolve("server.crt");
        this.serverKey = dir.resolve("server.key");
        this.clientCert = dir.resolve("client.crt");
        this.clientKey = dir.resolve("client.key");
        this.clientKeyEncrypted = dir.resolve("client-encrypted.key");
        this.clientPkcs12 = dir.resolve("client.p12");
    }

    /**
     * Generates every file into {@code dir} (created if needed).
     *
     * @param clientKeyPassword password of the encrypted client key and of the PKCS#12 file
     */
    public static TlsFiles generate(Path dir, char[] clientKeyPassword) {
        TlsFiles files = new TlsFiles(dir);
        try {
            Files.createDirectories(dir);
            SecureRandom random = new SecureRandom();
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048, random);
            Instant now = Instant.now();

            KeyPair caKeys = rsa.generateKeyPair();
            X509Certificate ca = caCertificate("CN=Tusk Test CA", caKeys, now, random);
            KeyPair otherCaKeys = rsa.generateKeyPair();
            X509Certificate otherCa = caCertificate("CN=Tusk Unrelated Test CA", otherCaKeys, now, random);

            KeyPair serverKeys = rsa.generateKeyPair();
            X509v3CertificateBuilder server = leaf("CN=localhost", serverKeys, ca, now, random);
            server.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            // RFC 6125: clients match the host name or IP address against subjectAltName.
            server.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1"),
            }));
            X509Certificate serverCertificate = sign(server, caKeys.getPrivate());

            KeyPair clientKeys = rsa.generateKeyPair();
            X509v3CertificateBuilder client = leaf("CN=" + CLIENT_CN, clientKeys, ca, now, random);
            client.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            X509Certificate clientCertificate = sign(client, caKeys.getPrivate());

            Files.writeString(files.caFile, pem(ca));
            Files.writeString(files.otherCaFile, pem(otherCa));
            Files.writeString(files.serverCert, pem(serverCertificate));
            // PostgreSQL refuses a key file readable by group or others (be-secure-common.c).
            FileTree.writePrivate(files.serverKey, pem(new JcaPKCS8Generator(serverKeys.getPrivate(), null)).getBytes(StandardCharsets.US_ASCII));
            Files.writeString(files.clientCert, pem(clientCertificate));
            FileTree.writePrivate(files.clientKey, pem(new JcaPKCS8Generator(clientKeys.getPrivate(), null)).getBytes(StandardCharsets.US_ASCII));
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(2048)
                    .setRandom(random)
                    .setPassword(clientKeyPassword)
                    // An unregistered instance: the JDK has no "AES/CBC/PKCS7Padding" name, and tests
                    // must run against the JDK's own provider list, unchanged.
                    .setProvider(new BouncyCastleProvider())
                    .build();
            FileTree.writePrivate(files.clientKeyEncrypted,
                    pem(new JcaPKCS8Generator(clientKeys.getPrivate(), encryptor)).getBytes(StandardCharsets.US_ASCII));
            FileTree.writePrivate(files.clientPkcs12, pkcs12(clientKeys.getPrivate(),
                    new Certificate[] {clientCertificate, ca}, clientKeyPassword));
            return files;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Could not write the test certificates into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static X509Certificate caCertificate(String subject, KeyPair keys, Instant now, SecureRandom random)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        X500Name name = new X500Name(subject);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(random), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)), name, keys.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        return sign(b, keys.getPrivate());
    }

    private static X509v3CertificateBuilder leaf(String subject, KeyPair keys, X509Certificate issuer, Instant now,
            SecureRandom random) throws IOException, GeneralSecurityException {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial(random),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), new X500Name(subject),
                keys.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuer));
        return b;
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(64, random).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    private static byte[] pkcs12(PrivateKey key, Certificate[] chain, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        // Alias "user": pgjdbc's PKCS12KeyManager looks the key up under that fixed alias.
        store.setKeyEntry("user", key, password, chain);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }

    /** The test CA certificate (PEM): {@code sslrootcert} for verify-ca/verify-full, and {@code ssl_ca_file} of the server. */
    public Path caFile() {
        return caFile;
    }

    /** A CA certificate (PEM) that signed nothing the server has: verify-ca against it must fail. */
    public Path otherCaFile() {
        return otherCaFile;
    }

    /** The server certificate (PEM), SAN DNS:localhost, IP:127.0.0.1, IP:::1. */
    public Path serverCert() {
        return serverCert;
    }

    /** The server key (unencrypted PKCS#8 PEM, mode 0600). */
    public Path serverKey() {
        return serverKey;
    }

    /** The client certificate (PEM, CN=tusk_cert) signed by the test CA. */
    public Path clientCert() {
        return clientCert;
    }

    /** The client key as unencrypted PKCS#8 PEM ("BEGIN PRIVATE KEY"), mode 0600. */
    public Path clientKey() {
        return clientKey;
    }

    /** The client key as encrypted PKCS#8 PEM ("BEGIN ENCRYPTED PRIVATE KEY"), mode 0600. */
    public Path clientKeyEncrypted() {
        return clientKeyEncrypted;
    }

    /** The client key and certificate chain (client, CA) as PKCS#12 under the alias "user" (pgjdbc's), mode 0600. */
    public Path clientPkcs12() {
        return clientPkcs12;
    }
}
