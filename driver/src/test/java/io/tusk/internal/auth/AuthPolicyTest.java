package io.tusk.internal.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.OperationalException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthPolicyTest {

    private static final List<String> PLAIN = List.of("SCRAM-SHA-256");
    private static final List<String> BOTH = List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256");
    private static final X509Certificate CERT = TestCertificates.parse(TestCertificates.ECDSA_SHA256);
    private static final X509Certificate ED25519 = TestCertificates.parse(TestCertificates.ED25519);

    private static String failure(Runnable r) {
        return assertThrows(OperationalException.class, r::run).getMessage();
    }

    // --- require_auth parsing (libpq's connectOptions2) ---

    @Test
    void requireAuthUnsetAllowsEveryMethodAndNoExchange() {
        AuthPolicy p = AuthPolicy.of(null, (String) null);
        assertNull(p.requireAuth());
        for (AuthMethod m : List.of(AuthMethod.PASSWORD, AuthMethod.MD5, AuthMethod.SCRAM_SHA_256,
                AuthMethod.GSS, AuthMethod.SSPI, AuthMethod.KERBEROS)) {
            assertDoesNotThrow(() -> p.checkMethod(m));
        }
        assertDoesNotThrow(() -> p.checkFinished(AuthMethod.NONE, false, false));
        assertEquals(ChannelBindingPolicy.PREFER, p.channelBinding());
    }

    @Test
    void requireAuthListAllowsOnlyTheListedMethods() {
        AuthPolicy p = AuthPolicy.of("md5,scram-sha-256", "prefer");
        assertTrue(p.allows(AuthMethod.MD5));
        assertTrue(p.allows(AuthMethod.SCRAM_SHA_256));
        assertFalse(p.allows(AuthMethod.PASSWORD));
        assertFalse(p.allows(AuthMethod.NONE));
    }

    @Test
    void requireAuthNegatedListAllowsEverythingElseAndNoExchange() {
        AuthPolicy p = AuthPolicy.of("!password,!md5", "prefer");
        assertFalse(p.allows(AuthMethod.PASSWORD));
        assertFalse(p.allows(AuthMethod.MD5));
        assertTrue(p.allows(AuthMethod.SCRAM_SHA_256));
        assertTrue(p.allows(AuthMethod.GSS));
        assertTrue(p.allows(AuthMethod.NONE));
    }

    @Test
    void requireAuthNotNoneDemandsAnExchange() {
        AuthPolicy p = AuthPolicy.of("!none", "prefer");
        assertFalse(p.allows(AuthMethod.NONE));
        assertTrue(p.allows(AuthMethod.PASSWORD));
        assertEquals("authentication method requirement \"!none\" failed: server did not complete authentication",
                failure(() -> p.checkFinished(AuthMethod.NONE, false, false)));
    }

    @Test
    void requireAuthRejectsNegatedAfterPlainWithLibpqText() {
        assertEquals("negative require_auth method \"!md5\" cannot be mixed with non-negative methods",
                failure(() -> AuthPolicy.of("password,!md5", "prefer")));
    }

    @Test
    void requireAuthRejectsPlainAfterNegatedWithLibpqText() {
        assertEquals("require_auth method \"md5\" cannot be mixed with negative methods",
                failure(() -> AuthPolicy.of("!password,md5", "prefer")));
    }

    @Test
    void requireAuthRejectsUnknownMethodNamingIt() {
        assertTrue(failure(() -> AuthPolicy.of("scram-sha-1", "prefer"))
                .startsWith("invalid require_auth value: \"scram-sha-1\""));
        // No trimming, as libpq.
        assertTrue(failure(() -> AuthPolicy.of("md5, password", "prefer"))
                .startsWith("invalid require_auth value: \" password\""));
    }

    @Test
    void requireAuthRejectsDuplicates() {
        assertEquals("require_auth method \"md5\" is specified more than once",
                failure(() -> AuthPolicy.of("md5,md5", "prefer")));
        assertEquals("require_auth method \"!none\" is specified more than once",
                failure(() -> AuthPolicy.of("!none,!none", "prefer")));
        assertEquals("require_auth method \"none\" is specified more than once",
                failure(() -> AuthPolicy.of("none,none", "prefer")));
    }

    // --- checkMethod (libpq's check_expected_areq) ---

    @Test
    void requireAuthScramRefusesCleartextPasswordRequest() {
        AuthPolicy p = AuthPolicy.of("scram-sha-256", "prefer");
        assertEquals("authentication method requirement \"scram-sha-256\" failed: server requested a cleartext password",
                failure(() -> p.checkMethod(AuthMethod.PASSWORD)));
        assertEquals("authentication method requirement \"scram-sha-256\" failed: server requested a hashed password",
                failure(() -> p.checkMethod(AuthMethod.MD5)));
        assertDoesNotThrow(() -> p.checkMethod(AuthMethod.SCRAM_SHA_256));
    }

    @Test
    void requireAuthNegatedScramRefusesSasl() {
        AuthPolicy p = AuthPolicy.of("!scram-sha-256", "prefer");
        assertEquals("authentication method requirement \"!scram-sha-256\" failed: server requested SASL authentication",
                failure(() -> p.checkMethod(AuthMethod.SCRAM_SHA_256)));
        assertDoesNotThrow(() -> p.checkMethod(AuthMethod.MD5));
    }

    @Test
    void requireAuthAlwaysRefusesKerberos() {
        AuthPolicy p = AuthPolicy.of("!password", "prefer");
        assertEquals("authentication method requirement \"!password\" failed: server requested an unknown authentication type",
                failure(() -> p.checkMethod(AuthMethod.KERBEROS)));
    }

    @Test
    void requireAuthGssRefusesSspiWithItsDescription() {
        AuthPolicy p = AuthPolicy.of("gss", "prefer");
        assertEquals("authentication method requirement \"gss\" failed: server requested SSPI authentication",
                failure(() -> p.checkMethod(AuthMethod.SSPI)));
    }

    @Test
    void checkMethodIsNotForAuthenticationOk() {
        AuthPolicy p = AuthPolicy.of(null, "prefer");
        assertThrows(IllegalArgumentException.class, () -> p.checkMethod(AuthMethod.NONE));
    }

    @Test
    void channelBindingRequireRefusesNonSaslRequestBeforeAPasswordIsSent() {
        AuthPolicy p = AuthPolicy.of(null, "require");
        assertTrue(failure(() -> p.checkMethod(AuthMethod.MD5))
                .startsWith("channel binding required but not supported by server's authentication request"));
        assertTrue(failure(() -> p.checkMethod(AuthMethod.PASSWORD))
                .startsWith("channel binding required but not supported by server's authentication request"));
        assertDoesNotThrow(() -> p.checkMethod(AuthMethod.SCRAM_SHA_256));
    }

    @Test
    void requireAuthIsCheckedBeforeChannelBinding() {
        AuthPolicy p = AuthPolicy.of("scram-sha-256", "require");
        assertTrue(failure(() -> p.checkMethod(AuthMethod.PASSWORD)).startsWith("authentication method requirement"));
    }

    // --- checkFinished ---

    @Test
    void requireAuthListFailsWhenServerLetsClientInUnasked() {
        AuthPolicy p = AuthPolicy.of("scram-sha-256", "prefer");
        assertEquals("authentication method requirement \"scram-sha-256\" failed: server did not complete authentication",
                failure(() -> p.checkFinished(AuthMethod.NONE, false, false)));
    }

    @Test
    void requireAuthNoneAcceptsTrust() {
        AuthPolicy p = AuthPolicy.of("none", "prefer");
        assertDoesNotThrow(() -> p.checkFinished(AuthMethod.NONE, false, false));
        assertTrue(failure(() -> p.checkMethod(AuthMethod.PASSWORD)).contains("server requested a cleartext password"));
    }

    @Test
    void requireAuthPasswordAcceptsOkAfterPasswordSent() {
        AuthPolicy p = AuthPolicy.of("password", "prefer");
        assertDoesNotThrow(() -> p.checkFinished(AuthMethod.PASSWORD, true, false));
    }

    @Test
    void scramCutShortBeforeServerSignatureIsRefusedEvenWithoutRequireAuth() {
        AuthPolicy p = AuthPolicy.of(null, "prefer");
        assertTrue(failure(() -> p.checkFinished(AuthMethod.SCRAM_SHA_256, false, false))
                .contains("before AuthenticationSASLFinal"));
        assertDoesNotThrow(() -> p.checkFinished(AuthMethod.SCRAM_SHA_256, true, false));
    }

    @Test
    void channelBindingRequireFailsWhenServerAuthenticatedWithoutBinding() {
        AuthPolicy p = AuthPolicy.of(null, "require");
        String expected = "channel binding required, but server authenticated client without channel binding";
        assertTrue(failure(() -> p.checkFinished(AuthMethod.NONE, false, false)).startsWith(expected));
        assertTrue(failure(() -> p.checkFinished(AuthMethod.SCRAM_SHA_256, true, false)).startsWith(expected));
        assertDoesNotThrow(() -> p.checkFinished(AuthMethod.SCRAM_SHA_256, true, true));
    }

    // --- chooseSasl (libpq's pg_SASL_init) ---

    @Test
    void chooseSaslPicksPlusOverTlsWhenServerOffersIt() {
        SaslChoice c = AuthPolicy.of(null, "prefer").chooseSasl(BOTH, true, CERT);
        assertEquals("SCRAM-SHA-256-PLUS", c.mechanism());
        assertEquals(ChannelBindingMode.TLS_SERVER_END_POINT, c.mode());
        assertArrayEquals(ChannelBinding.tlsServerEndPoint(CERT), c.bindingData());
    }

    @Test
    void chooseSaslSendsYFlagOverTlsWhenServerOffersNoPlus() {
        SaslChoice c = AuthPolicy.of(null, "prefer").chooseSasl(PLAIN, true, CERT);
        assertEquals("SCRAM-SHA-256", c.mechanism());
        assertEquals(ChannelBindingMode.CLIENT_SUPPORTS_NOT_USED, c.mode());
    }

    @Test
    void chooseSaslSendsNFlagWithoutTls() {
        SaslChoice c = AuthPolicy.of(null, "prefer").chooseSasl(PLAIN, false, null);
        assertEquals(ChannelBindingMode.NONE, c.mode());
        assertNull(c.bindingData());
    }

    @Test
    void chooseSaslWithChannelBindingDisabledUsesPlainScramWithNFlag() {
        SaslChoice c = AuthPolicy.of(null, "disable").chooseSasl(BOTH, true, CERT);
        assertEquals("SCRAM-SHA-256", c.mechanism());
        assertEquals(ChannelBindingMode.NONE, c.mode());
    }

    @Test
    void chooseSaslRefusesPlusOfferedWithoutTls() {
        assertTrue(failure(() -> AuthPolicy.of(null, "prefer").chooseSasl(BOTH, false, null))
                .startsWith("server offered SCRAM-SHA-256-PLUS authentication over a non-SSL connection"));
        // Even when channel binding is disabled, as libpq: the offer itself is the warning sign.
        assertThrows(OperationalException.class, () -> AuthPolicy.of(null, "disable").chooseSasl(BOTH, false, null));
    }

    @Test
    void chooseSaslRequireWithoutTlsFails() {
        assertTrue(failure(() -> AuthPolicy.of(null, "require").chooseSasl(PLAIN, false, null))
                .startsWith("channel binding required, but SSL not in use"));
    }

    @Test
    void chooseSaslRequireFailsWhenServerOffersNoPlus() {
        assertTrue(failure(() -> AuthPolicy.of(null, "require").chooseSasl(PLAIN, true, CERT))
                .startsWith("channel binding is required, but server did not offer an authentication method that"
                        + " supports channel binding"));
    }

    @Test
    void chooseSaslRequireWithPlusBinds() {
        SaslChoice c = AuthPolicy.of(null, "require").chooseSasl(BOTH, true, CERT);
        assertEquals(ChannelBindingMode.TLS_SERVER_END_POINT, c.mode());
    }

    @Test
    void chooseSaslPreferFallsBackToNFlagWhenCertificateCannotBeBound() {
        SaslChoice c = AuthPolicy.of(null, "prefer").chooseSasl(BOTH, true, ED25519);
        assertEquals("SCRAM-SHA-256", c.mechanism());
        // Not y: the server does support binding, and would take y for a downgrade attack.
        assertEquals(ChannelBindingMode.NONE, c.mode());
    }

    @Test
    void chooseSaslRequireExplainsAnUnbindableCertificate() {
        assertTrue(failure(() -> AuthPolicy.of(null, "require").chooseSasl(BOTH, true, ED25519)).contains("Ed25519"));
        assertTrue(failure(() -> AuthPolicy.of(null, "require").chooseSasl(BOTH, true, null)).contains("no certificate"));
    }

    @Test
    void chooseSaslFailsWhenNoMechanismIsSupportedNamingThem() {
        String message = failure(() -> AuthPolicy.of(null, "prefer").chooseSasl(List.of("OAUTHBEARER"), true, CERT));
        assertTrue(message.startsWith("none of the server's SASL authentication mechanisms are supported"), message);
        assertTrue(message.contains("OAUTHBEARER"), message);
    }

    // --- parameters and request codes ---

    @Test
    void channelBindingValueIsCheckedWithLibpqText() {
        assertTrue(failure(() -> ChannelBindingPolicy.parse("Require")).startsWith("invalid channel_binding value: \"Require\""));
        assertEquals(ChannelBindingPolicy.PREFER, ChannelBindingPolicy.parse(""));
        assertEquals(ChannelBindingPolicy.DISABLE, ChannelBindingPolicy.parse("disable"));
    }

    @Test
    void requestCodesMapToMethods() {
        assertEquals(Optional.of(AuthMethod.PASSWORD), AuthMethod.forRequestCode(3));
        assertEquals(Optional.of(AuthMethod.MD5), AuthMethod.forRequestCode(5));
        assertEquals(Optional.of(AuthMethod.SCRAM_SHA_256), AuthMethod.forRequestCode(10));
        assertEquals(Optional.of(AuthMethod.SCRAM_SHA_256), AuthMethod.forRequestCode(12));
        assertEquals(Optional.of(AuthMethod.GSS), AuthMethod.forRequestCode(7));
        assertEquals(Optional.of(AuthMethod.SSPI), AuthMethod.forRequestCode(9));
        assertEquals(Optional.of(AuthMethod.KERBEROS), AuthMethod.forRequestCode(2));
        assertEquals(Optional.empty(), AuthMethod.forRequestCode(0));
        assertEquals(Optional.empty(), AuthMethod.forRequestCode(6));
    }
}
