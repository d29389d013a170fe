package io.tusk.conninfo;

import io.tusk.errors.ProgrammingException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the URI form of a connection string as libpq's {@code conninfo_uri_parse_options} does
 * (PostgreSQL docs, "Connection URIs", 32.1.1.2):
 * {@code postgresql://[userspec@][hostspec][/dbname][?paramspec]}.
 *
 * <p>{@code userspec} is {@code user[:password]}; {@code hostspec} is a comma-separated list of
 * {@code host[:port]}, a host being a name, an IPv4 address, an IPv6 address in brackets or a
 * percent-encoded Unix-socket directory ({@code %2Fvar%2Frun%2Fpostgresql}); the list becomes the
 * {@code host} and {@code port} lists of the key/value form. Every part is percent-decoded (as
 * UTF-8), and {@code ssl=true} in the query means {@code sslmode=require}, as libpq does for JDBC
 * compatibility. Messages give 0-based positions and never echo the URI, which may hold a password.
 */
final class UriParser {

    private static final String LONG_PREFIX = "postgresql://";
    private static final String SHORT_PREFIX = "postgres://";

    private final String uri;
    private final Map<String, String> params = new LinkedHashMap<>();

    private UriParser(String uri) {
        this.uri = uri;
    }

    /** libpq's {@code uri_prefix_length}: the designators are case-sensitive. */
    static boolean isUri(String text) {
        return text.startsWith(LONG_PREFIX) || text.startsWith(SHORT_PREFIX);
    }

    static Map<String, String> parse(String uri) {
        UriParser parser = new UriParser(uri);
        parser.parseAll();
        return parser.params;
    }

    private void parseAll() {
        int start = uri.startsWith(LONG_PREFIX) ? LONG_PREFIX.length() : SHORT_PREFIX.length();
        int p = parseUserInfo(start);
        p = parseHosts(p);
        int n = uri.length();
        if (p < n && uri.charAt(p) == '/') {
            int dbStart = ++p;
            while (p < n && uri.charAt(p) != '?') {
                p++;
            }
            // An empty path sets nothing, so PGDATABASE still applies (as libpq).
            if (p > dbStart) {
                store("dbname", decode(dbStart, p), dbStart);
            }
        }
        if (p < n) {
            parseQuery(p + 1); // uri.charAt(p) is '?'
        }
    }

    /** {@code user[:password]@}, present only when an {@code @} comes before any {@code /}. */
    private int parseUserInfo(int start) {
        int n = uri.length();
        int at = start;
        while (at < n && uri.charAt(at) != '@' && uri.charAt(at) != '/') {
            at++;
        }
        if (at >= n || uri.charAt(at) != '@') {
            return start;
        }
        int colon = start;
        while (uri.charAt(colon) != ':' && uri.charAt(colon) != '@') {
            colon++;
        }
        if (colon > start) {
            store("user", decode(start, colon), start);
        }
        if (colon < at && at > colon + 1) {
            store("password", decode(colon + 1, at), colon + 1);
        }
        return at + 1;
    }

    private int parseHosts(int p) {
        int n = uri.length();
        StringBuilder hosts = new StringBuilder();
        StringBuilder ports = new StringBuilder();
        boolean anyHost = false;
        boolean anyPort = false;
        while (true) {
            int hostStart;
            int hostEnd;
            if (p < n && uri.charAt(p) == '[') {
                int bracket = p;
                hostStart = ++p;
                while (p < n && uri.charAt(p) != ']') {
                    p++;
                }
                if (p >= n) {
                    throw new ProgrammingException("end of string reached when looking for matching \"]\""
                            + " in IPv6 host address in URI (the \"[\" at position " + bracket + ")");
                }
                if (p == hostStart) {
                    throw new ProgrammingException("IPv6 host address may not be empty in URI at position "
                            + bracket);
                }
                hostEnd = p++;
                if (p < n && ":/?,".indexOf(uri.charAt(p)) < 0) {
                    throw new ProgrammingException("unexpected character \"" + uri.charAt(p)
                            + "\" at position " + p + " in URI (expected \":\" or \"/\")");
                }
            } else {
                hostStart = p;
                while (p < n && ":/?,".indexOf(uri.charAt(p)) < 0) {
                    p++;
                }
                hostEnd = p;
            }
            anyHost |= hostEnd > hostStart;
            hosts.append(decode(hostStart, hostEnd));
            if (p < n && uri.charAt(p) == ':') {
                int portStart = ++p;
                while (p < n && "/?,".indexOf(uri.charAt(p)) < 0) {
                    p++;
                }
                anyPort |= p > portStart;
                ports.append(decode(portStart, p));
            }
            if (p >= n || uri.charAt(p) != ',') {
                break;
            }
            p++;
            hosts.append(',');
            ports.append(',');
            anyHost = true;
            anyPort = true;
        }
        // libpq stores the lists only when their raw text is not empty.
        if (anyHost) {
            store("host", hosts.toString(), -1);
        }
        if (anyPort) {
            store("port", ports.toString(), -1);
        }
        return p;
    }

    /** {@code key=value&key=value}, as libpq's {@code conninfo_uri_parse_params}. */
    private void parseQuery(int p) {
        int n = uri.length();
        while (p < n) {
            int keyStart = p;
            int eq = -1;
            while (p < n && uri.charAt(p) != '&') {
                if (uri.charAt(p) == '=') {
                    if (eq >= 0) {
                        throw new ProgrammingException("extra key/value separator \"=\" in URI query parameter: \""
                                + uri.substring(keyStart, eq) + "\" at position " + p
                                + " (percent-encode \"=\" inside a value as %3D)");
                    }
                    eq = p;
                }
                p++;
            }
            if (eq < 0) {
                throw new ProgrammingException("missing key/value separator \"=\" in URI query parameter: \""
                        + uri.substring(keyStart, p) + "\" at position " + keyStart);
            }
            String key = decode(keyStart, eq);
            String value = decode(eq + 1, p);
            if (key.equals("ssl") && value.equals("true")) {
                key = "sslmode";
                value = "require";
            }
            store(key, value, keyStart);
            if (p < n) {
                p++; // the '&'
            }
        }
    }

    private void store(String key, String value, int position) {
        Params.check(key, value, position < 0 ? " in URI" : " at position " + position + " in URI");
        params.put(key, value);
    }

    /**
     * Percent-decodes {@code uri[from, to)} as libpq's {@code conninfo_uri_decode}: {@code %XX}
     * with two hex digits, {@code %00} forbidden; the bytes are read as UTF-8.
     */
    private String decode(int from, int to) {
        int percent = uri.indexOf('%', from);
        if (percent < 0 || percent >= to) {
            return uri.substring(from, to);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        int run = from;
        for (int i = from; i < to; i++) {
            if (uri.charAt(i) != '%') {
                continue;
            }
            bytes.writeBytes(uri.substring(run, i).getBytes(StandardCharsets.UTF_8));
            int hi = i + 1 < to ? hexDigit(uri.charAt(i + 1)) : -1;
            int lo = i + 2 < to ? hexDigit(uri.charAt(i + 2)) : -1;
            if (hi < 0 || lo < 0) {
                throw new ProgrammingException("invalid percent-encoded token at position " + i
                        + " in URI (write % itself as %25)");
            }
            if (hi == 0 && lo == 0) {
                throw new ProgrammingException("forbidden value %00 in percent-encoded value at position "
                        + i + " in URI");
            }
            bytes.write(hi << 4 | lo);
            i += 2;
            run = i + 1;
        }
        bytes.writeBytes(uri.substring(run, to).getBytes(StandardCharsets.UTF_8));
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProgrammingException("the percent-encoded value at position " + from
                    + " in URI is not valid UTF-8", e);
        }
    }

    /** An ASCII hex digit's value, or -1 ({@link Character#digit} would also take other scripts' digits). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
