package io.tusk.internal.net;

import java.nio.file.Path;

/**
 * What the connection string says about TLS for one attempt, with libpq's file defaults
 * already resolved: {@code rootCert} is null when no CA file is to be used, {@code systemRoots}
 * is {@code sslrootcert=system} (the JDK's trust store).
 */
public record TlsSettings(
        Mode mode,
        Path rootCert,
        boolean systemRoots,
        Path cert,
        Path key,
        char[] keyPassword,
        boolean direct,
        boolean sni) {

    /** libpq's sslmode values. */
    public enum Mode {
        DISABLE, ALLOW, PREFER, REQUIRE, VERIFY_CA, VERIFY_FULL;

        public boolean verifiesChain() {
            return this == VERIFY_CA || this == VERIFY_FULL;
        }
    }

    @Override
    public String toString() {
        return "TlsSettings[mode=" + mode + ", rootCert=" + rootCert + ", cert=" + cert + ", key=" + key
                + ", direct=" + direct + "]";
    }
}
