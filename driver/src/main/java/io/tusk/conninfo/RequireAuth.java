package io.tusk.conninfo;

import io.tusk.errors.ProgrammingException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The check of libpq's {@code require_auth} list: authentication methods the client accepts
 * ({@code scram-sha-256,md5}) or, all negated, the ones it refuses ({@code !password,!md5}).
 *
 * <p>Follows {@code pqConnectOptions2} in libpq 18: known method names only, no mixing of negated
 * and plain entries, no duplicates (a duplicate is likely a typo in a security setting).
 */
final class RequireAuth {

    private static final List<String> METHODS =
            List.of("password", "md5", "gss", "sspi", "scram-sha-256", "oauth", "none");

    private RequireAuth() {
    }

    static void check(String key, String value) {
        if (value.isEmpty()) {
            return; // libpq: an empty require_auth means "no requirement"
        }
        boolean negated = false;
        boolean first = true;
        Set<String> seen = new HashSet<>();
        for (String part : Params.split(value)) {
            String method = part;
            if (method.startsWith("!")) {
                if (first) {
                    negated = true;
                } else if (!negated) {
                    throw new ProgrammingException("negative require_auth method \"" + part
                            + "\" cannot be mixed with non-negative methods");
                }
                method = method.substring(1);
            } else if (negated) {
                throw new ProgrammingException("require_auth method \"" + part
                        + "\" cannot be mixed with negative methods");
            }
            if (!METHODS.contains(method)) {
                throw Params.invalidValue(key, method, "use a comma-separated list of "
                        + String.join(", ", METHODS) + ", each optionally negated with !");
            }
            if (!seen.add(method)) {
                throw new ProgrammingException("require_auth method \"" + part
                        + "\" is specified more than once");
            }
            first = false;
        }
    }
}
