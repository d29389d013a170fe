package io.tusk.internal.net;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Turns a connected socket into a TLS socket as libpq's sslmode asks: {@code require} encrypts
 * without checking the server (unless a root certificate is given, when libpq checks the chain
 * as verify-ca does), {@code verify-ca} checks the chain against the root certificate,
 * {@code verify-full} also checks that the certificate names the host we dialled (RFC 6125,
 * through the JDK's endpoint identification).
 */
public final class TlsUpgrade {
    private TlsUpgrade() {
    }

    public static SSLSocket upgrade(Socket plain, String host, int port, TlsSettings tls) throws IOException {
        SSLContext ctx;
        try {
            ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers(tls), trustManagers(tls), new SecureRandom());
        } catch (GeneralSecurityException e) {
            throw new IOException("could not set up TLS: " + e.getMessage(), e);
        }
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, port, true);
        s.setSSLParameters(parameters(s.getSSLParameters(), s.getSupportedProtocols(), host, tls));
        s.startHandshake();
        try {
            checkAlpn(s.getApplicationProtocol(), tls);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /**
     * The client's TLS parameters for {@code host}, for a socket or an {@code SSLEngine}: TLS 1.3
     * or 1.2, host name verification for verify-full, ALPN "postgresql" for direct TLS, SNI.
     */
    public static SSLParameters parameters(SSLParameters p, String[] supportedProtocols, String host, TlsSettings tls) {
        List<String> have = List.of(supportedProtocols);
        p.setProtocols(java.util.stream.Stream.of("TLSv1.3", "TLSv1.2").filter(have::contains).toArray(String[]::new));
        if (tls.mode() == TlsSettings.Mode.VERIFY_FULL) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (tls.direct()) {
            // Direct TLS (PostgreSQL 17+) requires the ALPN protocol "postgresql".
            p.setApplicationProtocols(new String[] {"postgresql"});
        }
        if (tls.sni() && isHostName(host)) {
            p.setServerNames(List.of(new SNIHostName(host)));
        }
        return p;
    }

    /** After the handshake: direct TLS must have agreed on the ALPN protocol "postgresql". */
    public static void checkAlpn(String negotiated, TlsSettings tls) throws IOException {
        if (tls.direct() && !"postgresql".equals(negotiated)) {
            throw new IOException("the server did not agree to the ALPN protocol \"postgresql\" for direct TLS");
        }
    }

    /**
     * The TLS context for {@code tls} (client key, trust roots), for a front end that drives its
     * own {@code SSLEngine} (the asynchronous connection): the same checks as {@link #upgrade}.
     */
    public static SSLContext context(TlsSettings tls) throws IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers(tls), trustManagers(tls), new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("could not set up TLS: " + e.getMessage(), e);
        }
    }

    private static boolean isHostName(String host) {
        return !host.isEmpty() && !Character.isDigit(host.charAt(host.length() - 1)) && host.indexOf(':') < 0;
    }

    private static KeyManager[] keyManagers(TlsSettings tls) throws IOException, GeneralSecurityException {
        if (tls.key() == null && tls.cert() == null) {
            return null;
        }
        char[] pw = tls.keyPassword() == null ? new char[0] : tls.keyPassword();
        KeyStore ks;
        if (tls.key() != null && PemFiles.isPkcs12(tls.key())) {
            ks = PemFiles.pkcs12(tls.key(), pw);
        } else {
            if (tls.cert() == null || tls.key() == null || !Files.exists(tls.cert()) || !Files.exists(tls.key())) {
                return null; // libpq sends no client certificate when either file is missing
            }
            List<X509Certificate> chain = PemFiles.certificates(tls.cert());
            PrivateKey key = PemFiles.privateKey(tls.key(), tls.keyPassword());
            ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", key, pw, chain.toArray(new X509Certificate[0]));
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        return kmf.getKeyManagers();
    }

    private static TrustManager[] trustManagers(TlsSettings tls) throws IOException, GeneralSecurityException {
        boolean verify = tls.mode().verifiesChain() || tls.rootCert() != null || tls.systemRoots();
        if (!verify) {
            return new TrustManager[] {TrustAll.INSTANCE};
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (tls.systemRoots()) {
            tmf.init((KeyStore) null);
        } else {
            if (tls.rootCert() == null) {
                throw new IOException("sslmode=" + tls.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                        + " needs a root certificate to check the server: give sslrootcert=FILE (or sslrootcert=system "
                        + "for the JDK's trust store), or put the CA in ~/.postgresql/root.crt");
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : PemFiles.certificates(tls.rootCert())) {
                ks.setCertificateEntry("ca" + i++, c);
            }
            tmf.init(ks);
        }
        return tmf.getTrustManagers();
    }

    /** sslmode=require without a root certificate: encryption without authentication, as libpq. */
    private enum TrustAll implements X509TrustManager {
        INSTANCE;

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
