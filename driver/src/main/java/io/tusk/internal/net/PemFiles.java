package io.tusk.internal.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads the certificate and key files libpq accepts: PEM certificates (one or a chain), PEM
 * private keys in PKCS#8 ({@code PRIVATE KEY}), encrypted PKCS#8 ({@code ENCRYPTED PRIVATE
 * KEY}, decrypted with sslpassword) and PKCS#1 RSA ({@code RSA PRIVATE KEY}), and PKCS#12 files
 * ({@code .p12}, {@code .pfx}) holding key and certificate together.
 */
final class PemFiles {
    private PemFiles() {
    }

    static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (var c : cf.generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
        }
        if (out.isEmpty()) {
            throw new GeneralSecurityException("no certificate found in " + file);
        }
        return out;
    }

    static boolean isPkcs12(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".p12") || n.endsWith(".pfx");
    }

    static KeyStore pkcs12(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        return ks;
    }

    static PrivateKey privateKey(Path file, char[] password) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            if (password == null) {
                throw new GeneralSecurityException("the key " + file + " is encrypted: give its password as sslpassword");
            }
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(block(pem, "ENCRYPTED PRIVATE KEY"));
            // For PBES2 the parameters name the real algorithm, e.g. PBEWithHmacSHA256AndAES_256.
            String alg = info.getAlgParameters() != null ? info.getAlgParameters().toString() : info.getAlgName();
            SecretKeyFactory skf = SecretKeyFactory.getInstance(alg);
            Cipher cipher = Cipher.getInstance(alg);
            cipher.init(Cipher.DECRYPT_MODE, skf.generateSecret(new PBEKeySpec(password)), info.getAlgParameters());
            try {
                return pkcs8(info.getKeySpec(cipher), file);
            } catch (InvalidKeySpecException e) {
                throw new GeneralSecurityException("could not decrypt the key " + file + ": wrong sslpassword?", e);
            }
        }
        if (pem.contains("-----BEGIN PRIVATE KEY-----")) {
            return pkcs8(new PKCS8EncodedKeySpec(block(pem, "PRIVATE KEY")), file);
        }
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            if (pem.contains("Proc-Type: 4,ENCRYPTED")) {
                throw new GeneralSecurityException("the key " + file + " is an encrypted traditional RSA key, which the JDK "
                        + "cannot read: convert it with `openssl pkcs8 -topk8 -in KEY -out KEY.pk8`");
            }
            return pkcs8(new PKCS8EncodedKeySpec(rsaPkcs1ToPkcs8(block(pem, "RSA PRIVATE KEY"))), file);
        }
        throw new GeneralSecurityException("no private key found in " + file
                + " (PKCS#8 PEM, encrypted PKCS#8 PEM, PKCS#1 RSA PEM or a .p12/.pfx file are accepted; "
                + "convert an EC key with `openssl pkcs8 -topk8 -nocrypt`)");
    }

    private static PrivateKey pkcs8(PKCS8EncodedKeySpec spec, Path file) throws GeneralSecurityException {
        for (String alg : new String[] {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException("the key in " + file + " uses an algorithm the JDK does not know");
    }

    private static byte[] block(String pem, String label) throws GeneralSecurityException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int b = pem.indexOf(begin);
        int e = pem.indexOf(end, b);
        if (b < 0 || e < 0) {
            throw new GeneralSecurityException("malformed PEM: no " + label + " block");
        }
        String body = pem.substring(b + begin.length(), e);
        StringBuilder base64 = new StringBuilder();
        for (String line : body.split("\r?\n")) {
            if (!line.contains(":")) {
                base64.append(line.trim());
            }
        }
        return Base64.getDecoder().decode(base64.toString());
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (RFC 5208): version, algorithm, key. */
    private static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = der(0x04, pkcs1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(version);
        body.writeBytes(algorithm);
        body.writeBytes(octets);
        return der(0x30, body.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len);
        } else {
            out.write(0x83);
            out.write(len >> 16);
            out.write(len >> 8);
            out.write(len);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
