package io.tusk.internal.auth;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * Self-signed test certificates, one per signature algorithm, with the tls-server-end-point
 * hash OpenSSL computes for each.
 *
 * <p>Made once with OpenSSL 3.0 and pasted here (the keys were thrown away):
 * <pre>
 * openssl ecparam -name prime256v1 -genkey -noout -out ec.key
 * openssl req -x509 -key ec.key -sha256 -days 36500 -subj "/CN=tusk-test-ecdsa-sha256" -out ec256.pem
 *   (likewise -sha384 and -sha1)
 * openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out rsa.key
 * openssl req -x509 -key rsa.key -sha384 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:48 ... -out pss384.pem
 * openssl req -x509 -key rsa.key -sha512 ... -out rsa512.pem
 * openssl genpkey -algorithm ed25519 -out ed.key
 * openssl req -x509 -key ed.key ... -out ed25519.pem
 * </pre>
 * and each expected hash with {@code openssl x509 -in X.pem -outform DER | openssl dgst -sha256}
 * (or {@code -sha384}, {@code -sha512}), independently of the code under test.
 */
final class TestCertificates {

    /** ecdsa-with-SHA256. */
    static final String ECDSA_SHA256 = """
            -----BEGIN CERTIFICATE-----
            MIIBmjCCAT+gAwIBAgIUfa8ZvCaYZG9vZTh2vgqoVERSHA0wCgYIKoZIzj0EAwIw
            ITEfMB0GA1UEAwwWdHVzay10ZXN0LWVjZHNhLXNoYTI1NjAgFw0yNjExMjEyMDE3
            MjFaGA8yMTI2MTAyODIwMTcyMVowITEfMB0GA1UEAwwWdHVzay10ZXN0LWVjZHNh
            LXNoYTI1NjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABEgAVd3eBAdKj1CwJxEZ
            j4L8px/gu+w5LxXq9TIXV2pqEKyWm6GSqeXYCmBnt1o2gzPKd4hLg3MvSY3JUvcq
            7jqjUzBRMB0GA1UdDgQWBBR/He3hhdlDbdVpjwjJIkrfM5JvMDAfBgNVHSMEGDAW
            gBR/He3hhdlDbdVpjwjJIkrfM5JvMDAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49
            BAMCA0kAMEYCIQDpP30qKswSRXtS/mT4OfJbjNwOQ5wmMP7ha6kfwEANEQIhAIcS
            qAbIa7dV1d/7j55gVvrDRP9xMkWxFt22vuXnWn0+
            -----END CERTIFICATE-----
            """;
    /** openssl dgst -sha256 of the DER of ECDSA_SHA256. */
    static final String ECDSA_SHA256_HASH_HEX =
            "0a0ff89598a802d933695597bf8f2641c5394f0c476df95f36eeacdc1dfa5176";

    /** ecdsa-with-SHA384. */
    static final String ECDSA_SHA384 = """
            -----BEGIN CERTIFICATE-----
            MIIBmTCCAT+gAwIBAgIUIDJa317IPLmj9SDCTO7MPZMEpmEwCgYIKoZIzj0EAwMw
            ITEfMB0GA1UEAwwWdHVzay10ZXN0LWVjZHNhLXNoYTM4NDAgFw0yNjExMjEyMDE3
            MjFaGA8yMTI2MTAyODIwMTcyMVowITEfMB0GA1UEAwwWdHVzay10ZXN0LWVjZHNh
            LXNoYTM4NDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABEgAVd3eBAdKj1CwJxEZ
            j4L8px/gu+w5LxXq9TIXV2pqEKyWm6GSqeXYCmBnt1o2gzPKd4hLg3MvSY3JUvcq
            7jqjUzBRMB0GA1UdDgQWBBR/He3hhdlDbdVpjwjJIkrfM5JvMDAfBgNVHSMEGDAW
            gBR/He3hhdlDbdVpjwjJIkrfM5JvMDAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49
            BAMDA0gAMEUCIQCqMHf22AK1kuA66P0tbsugRCZxW4J6bUOTsFrUm7ooagIgTLDr
            +CLPXlmUibEybe9Dv3R8bCiWCGMiEJ8RkDmRBU0=
            -----END CERTIFICATE-----
            """;
    /** openssl dgst -sha384 of the DER of ECDSA_SHA384. */
    static final String ECDSA_SHA384_HASH_HEX =
            "8cbc3a3b4704710d53849d28e80c8acb5c56053e64a5af45a63a58cb130f287b8605c221d6f20b01ff985630b13f1ddd";

    /** ecdsa-with-SHA1 (SHA-1 is replaced by SHA-256). */
    static final String ECDSA_SHA1 = """
            -----BEGIN CERTIFICATE-----
            MIIBkzCCATqgAwIBAgIUGpE/eR1hiMVHZZbwhq9r7sjM0XQwCQYHKoZIzj0EATAf
            MR0wGwYDVQQDDBR0dXNrLXRlc3QtZWNkc2Etc2hhMTAgFw0yNjExMjEyMDE3MjFa
            GA8yMTI2MTAyODIwMTcyMVowHzEdMBsGA1UEAwwUdHVzay10ZXN0LWVjZHNhLXNo
            YTEwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARIAFXd3gQHSo9QsCcRGY+C/Kcf
            4LvsOS8V6vUyF1dqahCslpuhkqnl2ApgZ7daNoMzyneIS4NzL0mNyVL3Ku46o1Mw
            UTAdBgNVHQ4EFgQUfx3t4YXZQ23VaY8IySJK3zOSbzAwHwYDVR0jBBgwFoAUfx3t
            4YXZQ23VaY8IySJK3zOSbzAwDwYDVR0TAQH/BAUwAwEB/zAJBgcqhkjOPQQBA0gA
            MEUCIAZ30UjPfq3PqSlBD9tGHAdQLEFZf+SsuVpVfS5dHUKeAiEAlHxXGQPTYcSZ
            +FBCVf2b2S6I9wVgUrTSg41L563GTK0=
            -----END CERTIFICATE-----
            """;
    /** openssl dgst -sha256 of the DER of ECDSA_SHA1. */
    static final String ECDSA_SHA1_HASH_HEX =
            "2fff7f49ec3f88e78a3b6c7e1765f69fd8974725694d6e8a60e513c898efeb43";

    /** RSASSA-PSS with SHA-384 in its parameters. */
    static final String RSASSA_PSS_SHA384 = """
            -----BEGIN CERTIFICATE-----
            MIICijCCAb+gAwIBAgIUULY47AC7B4ORmoqUepX8B7JEgMgwQQYJKoZIhvcNAQEK
            MDSgDzANBglghkgBZQMEAgIFAKEcMBoGCSqGSIb3DQEBCDANBglghkgBZQMEAgIF
            AKIDAgEwMCIxIDAeBgNVBAMMF3R1c2stdGVzdC1yc2Fwc3Mtc2hhMzg0MCAXDTI2
            MTEyMTIwMTcyMVoYDzIxMjYxMDI4MjAxNzIxWjAiMSAwHgYDVQQDDBd0dXNrLXRl
            c3QtcnNhcHNzLXNoYTM4NDCBnzANBgkqhkiG9w0BAQEFAAOBjQAwgYkCgYEAxmIE
            Ul50bpokKw112XVc99hcLPXkVpUfo5eR4F2+2vp9Z8+buBwwwe8tuMlSv07auJdo
            RrILyLrMzDOd9wJ3fuZ99xltbKXPH2jcM62mwQXWFwvizyRIWWTtuKLRikjrD/04
            rTCgNVDFO4XsBwSFCSnn7/fGqlgOC1GZ2zPsvXMCAwEAAaNTMFEwHQYDVR0OBBYE
            FBWX4fum+O9dh9jd5eG11G5krQ6iMB8GA1UdIwQYMBaAFBWX4fum+O9dh9jd5eG1
            1G5krQ6iMA8GA1UdEwEB/wQFMAMBAf8wQQYJKoZIhvcNAQEKMDSgDzANBglghkgB
            ZQMEAgIFAKEcMBoGCSqGSIb3DQEBCDANBglghkgBZQMEAgIFAKIDAgEwA4GBAKsd
            OHmHfeJ+rQJkEn7dyPo6Z2hahcC1SunuzyUFfd0qa0OZzxmk//5wV6X/RwyaXcxL
            f8im42AmvMFBSN3WXopKG3NjM/g31ZeCEz4gkFLpidgdaBzZus1uYJqkQEfXbbYC
            T9Usq3yqZ8MpSuPhaYFF+YQHEtJJ22mGCztGLZ4a
            -----END CERTIFICATE-----
            """;
    /** openssl dgst -sha384 of the DER of RSASSA_PSS_SHA384. */
    static final String RSASSA_PSS_SHA384_HASH_HEX =
            "3ad04eb96ba275fb4d51814a78958db76e3ec33abc24cb864d23accea0b7f629bb77803387e08845f054c86d93b941f5";

    /** sha512WithRSAEncryption. */
    static final String RSA_SHA512 = """
            -----BEGIN CERTIFICATE-----
            MIICHDCCAYWgAwIBAgIUELQkfUKb5I5WY5LQ/0FmuN11nJYwDQYJKoZIhvcNAQEN
            BQAwHzEdMBsGA1UEAwwUdHVzay10ZXN0LXJzYS1zaGE1MTIwIBcNMjYxMTIxMjAx
            NzIxWhgPMjEyNjEwMjgyMDE3MjFaMB8xHTAbBgNVBAMMFHR1c2stdGVzdC1yc2Et
            c2hhNTEyMIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDGYgRSXnRumiQrDXXZ
            dVz32Fws9eRWlR+jl5HgXb7a+n1nz5u4HDDB7y24yVK/Ttq4l2hGsgvIuszMM533
            And+5n33GW1spc8faNwzrabBBdYXC+LPJEhZZO24otGKSOsP/TitMKA1UMU7hewH
            BIUJKefv98aqWA4LUZnbM+y9cwIDAQABo1MwUTAdBgNVHQ4EFgQUFZfh+6b4712H
            2N3l4bXUbmStDqIwHwYDVR0jBBgwFoAUFZfh+6b4712H2N3l4bXUbmStDqIwDwYD
            VR0TAQH/BAUwAwEB/zANBgkqhkiG9w0BAQ0FAAOBgQBTk8Wl1bcsbtTlk8vqI2sC
            ViZN5ovtlVMCHeJbO8ghEm83eguBc8HNed8eYuEdvxbHEsiwxVjqlD5LzyR5Evm1
            0wa+AANbKAn0oIJghuRvA0zYo9ANvY9qldz3nm9Wft8cfzSZh9LIubZiOq+0hVsH
            hcwo9/5dMKeK+Pw3Flf2wg==
            -----END CERTIFICATE-----
            """;
    /** openssl dgst -sha512 of the DER of RSA_SHA512. */
    static final String RSA_SHA512_HASH_HEX =
            "5058c2326864c3f3c198a885c1d6852a3fdd4f41781e0ad81f29c1b19c3b0a827f0204978042b07ede94c2b55514246f3a28d7e4b24788d99a323f369bb5bc09";

    /** Ed25519. */
    static final String ED25519 = """
            -----BEGIN CERTIFICATE-----
            MIIBTzCCAQGgAwIBAgIURxQkI2mKgisAknUvqQomQ0NY3FQwBQYDK2VwMBwxGjAY
            BgNVBAMMEXR1c2stdGVzdC1lZDI1NTE5MCAXDTI2MTEyMTIwMTcyMVoYDzIxMjYx
            MDI4MjAxNzIxWjAcMRowGAYDVQQDDBF0dXNrLXRlc3QtZWQyNTUxOTAqMAUGAytl
            cAMhAF3TKiUEH/ZRTANf51c4CHgQIDUWQZ54lAcC1qa3Cs0eo1MwUTAdBgNVHQ4E
            FgQUPumDzwPzs4d7cKEouim9tAOekJowHwYDVR0jBBgwFoAUPumDzwPzs4d7cKEo
            uim9tAOekJowDwYDVR0TAQH/BAUwAwEB/zAFBgMrZXADQQCqdSGmwzLEt/6DBP/d
            arjrI4KQxrAKx4FiiB4/KaYIvWrOk5FdrUHXo+kusx4NnGy2WTeSVdC0f6xvyJn0
            cJ0B
            -----END CERTIFICATE-----
            """;

    private TestCertificates() {
    }

    static X509Certificate parse(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new AssertionError("test certificate does not parse", e);
        }
    }
}
