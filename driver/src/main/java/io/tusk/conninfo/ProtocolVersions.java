package io.tusk.conninfo;

/**
 * Frontend/backend protocol version numbers as libpq 18's {@code min_protocol_version} and
 * {@code max_protocol_version} spell them: {@code "3.0"}, {@code "3.2"} or {@code "latest"}.
 *
 * <p>The number is the one sent in the StartupMessage (protocol section 55.7): major version in
 * the high 16 bits, minor in the low 16, so 3.0 is 196608 and 3.2 is 196610.
 */
final class ProtocolVersions {

    static final int V3_0 = 3 << 16;
    static final int V3_2 = (3 << 16) | 2;
    /** The newest version Tusk speaks, which {@code latest} stands for. */
    static final int LATEST = V3_2;

    private ProtocolVersions() {
    }

    /** Parses a version as libpq's {@code pqParseProtocolVersion} does. */
    static int parse(String key, String value) {
        if ("latest".equals(value)) {
            return LATEST;
        }
        int dot = value.indexOf('.');
        if (dot > 0 && digits(value, 0, dot) && digits(value, dot + 1, value.length())) {
            try {
                int version = (Integer.parseInt(value.substring(0, dot)) << 16)
                        | Integer.parseInt(value.substring(dot + 1));
                if (version >= V3_0 && version <= LATEST) {
                    return version;
                }
            } catch (NumberFormatException tooLong) {
                // falls through to the error below
            }
        }
        throw Params.invalidValue(key, value, "use 3.0, 3.2 or latest");
    }

    /** {@code 196610} as {@code "3.2"}. */
    static String format(int version) {
        return (version >> 16) + "." + (version & 0xFFFF);
    }

    private static boolean digits(String s, int from, int to) {
        if (from >= to || to - from > 5) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
