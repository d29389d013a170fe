/**
 * Client-side authentication to PostgreSQL, sans I/O: cleartext and MD5 passwords,
 * SCRAM-SHA-256 and SCRAM-SHA-256-PLUS (channel binding), and libpq's {@code require_auth} and
 * {@code channel_binding} policies, with nothing but the JDK's crypto.
 *
 * <p>Nothing here touches a socket. After the StartupMessage the connection decodes each
 * Authentication message (protocol "Message Flow", "SASL Authentication"), passes its payload
 * here, and sends what comes back:
 * <pre>{@code
 * AuthPolicy policy = AuthPolicy.of(params.get("require_auth"), params.get("channel_binding"));
 * ScramSha256Client scram = null;
 * AuthMethod used = AuthMethod.NONE;
 * boolean finished = false;
 * loop:
 * switch (request code) {
 *   case 3:  // AuthenticationCleartextPassword
 *     policy.checkMethod(used = AuthMethod.PASSWORD);
 *     send PasswordMessage(password, '\0');  finished = true;  break;
 *   case 5:  // AuthenticationMD5Password, 4 bytes of salt
 *     policy.checkMethod(used = AuthMethod.MD5);
 *     send PasswordMessage(Md5Password.encode(user, password, salt), '\0');  finished = true;  break;
 *   case 10: // AuthenticationSASL, a list of mechanism names
 *     policy.checkMethod(used = AuthMethod.SCRAM_SHA_256);
 *     SaslChoice choice = policy.chooseSasl(mechanisms, sslInUse, serverLeafCertificateOrNull);
 *     scram = new ScramSha256Client(password, choice);
 *     send SASLInitialResponse(choice.mechanism(), scram.clientFirstMessage());  break;
 *   case 11: // AuthenticationSASLContinue: server-first-message
 *     policy.checkMethod(AuthMethod.SCRAM_SHA_256);
 *     send SASLResponse(scram.handleServerFirst(data));  break;
 *   case 12: // AuthenticationSASLFinal: server-final-message
 *     policy.checkMethod(AuthMethod.SCRAM_SHA_256);
 *     scram.verifyServerFinal(data);  finished = true;  break;
 *   case 0:  // AuthenticationOk
 *     policy.checkFinished(used, finished, scram != null && scram.isChannelBound());  break loop;
 *   default: // Kerberos, GSS, SSPI, unknown
 *     AuthMethod.forRequestCode(code).ifPresent(policy::checkMethod);   // require_auth's message first
 *     fail "authentication method ... not supported";
 * }
 * }</pre>
 * (A SASLContinue or SASLFinal before AuthenticationSASL, or a second AuthenticationSASL, is a
 * protocol violation the connection reports itself; {@link io.tusk.internal.auth.ScramSha256Client}
 * also refuses calls out of order.)
 *
 * <p>Every failure is an {@link io.tusk.errors.OperationalException} whose text follows libpq's
 * where libpq has one, so that messages users search for are found. Passwords are taken as
 * {@code byte[]} ({@link io.tusk.internal.auth.PasswordBytes#utf8}), never kept in a
 * {@code String}, and never appear in a message or a {@code toString()}.
 *
 * <p>Specifications: RFC 5802 (SCRAM), RFC 7677 (SCRAM-SHA-256), RFC 5929 §4
 * (tls-server-end-point), RFC 4013 and RFC 3454 (SASLprep, stringprep); PostgreSQL's libpq
 * ({@code fe-auth.c}, {@code fe-auth-scram.c}) and {@code src/common/saslprep.c} for the points
 * where PostgreSQL's behaviour is what matters.
 *
 * <p>Depends only on {@code io.tusk.errors} and {@code io.tusk.internal.protocol}.
 */
package io.tusk.internal.auth;
