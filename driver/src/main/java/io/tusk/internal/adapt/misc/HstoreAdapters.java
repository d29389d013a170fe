package io.tusk.internal.adapt.misc;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.errors.DataException;
import io.tusk.internal.adapt.Bin;
import io.tusk.internal.adapt.Dumpers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * hstore ⟷ {@code Map<String, String>} (psycopg's {@code types.hstore}). Text form
 * ({@code contrib/hstore/hstore_io.c}): {@code "key"=>"value", "k2"=>NULL}, with {@code "} and
 * {@code \} escaped by a backslash; binary (hstore_send): int32 pair count, then per pair an int32
 * key length and the key, an int32 value length (-1 for NULL) and the value, in the client encoding.
 */
public final class HstoreAdapters {
    private HstoreAdapters() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void register(AdaptersMap m, int oid) {
        m.registerDumper((Class) Map.class, Format.TEXT, Dumpers.<Map<?, ?>>text(oid, HstoreAdapters::text));
        m.registerDumper((Class) Map.class, Format.BINARY, new Dumpers.Binary<Map<?, ?>>(oid) {
            @Override
            public byte[] dump(Map<?, ?> value) {
                return dump(value, AdaptContext.DEFAULT);
            }

            @Override
            public byte[] dump(Map<?, ?> value, AdaptContext context) {
                return binary(value, context.charset());
            }
        });
        m.registerLoader(oid, Format.TEXT, charsetBound((cs) -> (b, off, len) -> new HstoreText(b, off, len, cs).parse()));
        m.registerLoader(oid, Format.BINARY, charsetBound((cs) -> (b, off, len) -> readBinary(b, off, len, cs)));
    }

    private interface PerCharset {
        Loader<Map<String, String>> make(Charset cs);
    }

    private static Loader<Map<String, String>> charsetBound(PerCharset f) {
        return new Loader<>() {
            @Override
            public Map<String, String> load(byte[] data, int offset, int length) {
                return in(AdaptContext.DEFAULT).load(data, offset, length);
            }

            @Override
            public Loader<Map<String, String>> in(AdaptContext context) {
                return f.make(context.charset());
            }
        };
    }

    private static String text(Map<?, ?> map) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            quote(b, key(e.getKey()));
            b.append("=>");
            if (e.getValue() == null) {
                b.append("NULL");
            } else {
                quote(b, value(e.getValue()));
            }
        }
        return b.toString();
    }

    private static String key(Object k) {
        if (!(k instanceof String s)) {
            throw new DataException("cannot dump a Map with a " + (k == null ? "null" : k.getClass().getName())
                    + " key as hstore: keys must be non-null Strings");
        }
        return s;
    }

    private static String value(Object v) {
        if (!(v instanceof String s)) {
            throw new DataException("cannot dump a Map with a " + v.getClass().getName()
                    + " value as hstore: values must be Strings (or null)");
        }
        return s;
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        b.append('"');
    }

    private static byte[] binary(Map<?, ?> map, Charset cs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Bin.of32(map.size()));
        for (Map.Entry<?, ?> e : map.entrySet()) {
            byte[] k = Dumpers.encode(key(e.getKey()), cs, map);
            out.writeBytes(Bin.of32(k.length));
            out.writeBytes(k);
            if (e.getValue() == null) {
                out.writeBytes(Bin.of32(-1));
            } else {
                byte[] v = Dumpers.encode(value(e.getValue()), cs, map);
                out.writeBytes(Bin.of32(v.length));
                out.writeBytes(v);
            }
        }
        return out.toByteArray();
    }

    /** hstore_recv's layout; the pair count and every length are checked against the value's bytes first. */
    private static Map<String, String> readBinary(byte[] b, int off, int len, Charset cs) {
        int end = off + len;
        if (len < 4) {
            throw new DataException("cannot load binary hstore: " + len + " bytes do not hold its pair count");
        }
        int n = Bin.int32(b, off);
        // Each pair takes at least its two length words.
        if (n < 0 || n > (len - 4) / 8) {
            throw new DataException("cannot load binary hstore: the value declares " + Integer.toUnsignedString(n)
                    + " pairs but holds " + len + " bytes");
        }
        int[] pos = {off + 4};
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String k = string(b, pos, end, cs, false);
            out.put(k, string(b, pos, end, cs, true));
        }
        if (pos[0] != end) {
            throw new DataException("cannot load binary hstore: " + (end - pos[0]) + " bytes left after its pairs");
        }
        return Collections.unmodifiableMap(out);
    }

    private static String string(byte[] b, int[] pos, int end, Charset cs, boolean nullable) {
        if (end - pos[0] < 4) {
            throw new DataException("cannot load binary hstore: the value ends inside a pair");
        }
        int n = Bin.int32(b, pos[0]);
        pos[0] += 4;
        if (n == -1 && nullable) {
            return null;
        }
        if (n < 0 || n > end - pos[0]) {
            throw new DataException("cannot load binary hstore: a " + (nullable ? "value" : "key") + " declares " + n
                    + " bytes where " + (end - pos[0]) + " remain");
        }
        String s = new String(b, pos[0], n, cs);
        pos[0] += n;
        return s;
    }

    /** The text form's parser: quoted or bare keys and values, {@code =>}, NULL, comma-separated. */
    private static final class HstoreText {
        private final byte[] b;
        private final int end;
        private final Charset cs;
        private int pos;

        HstoreText(byte[] b, int off, int len, Charset cs) {
            this.b = b;
            this.pos = off;
            this.end = off + len;
            this.cs = cs;
        }

        Map<String, String> parse() {
            Map<String, String> out = new LinkedHashMap<>();
            skipBlanks();
            while (pos < end) {
                String key = token(false);
                skipBlanks();
                if (pos + 1 >= end || b[pos] != '=' || b[pos + 1] != '>') {
                    throw error("expected =>");
                }
                pos += 2;
                skipBlanks();
                out.put(key, token(true));
                skipBlanks();
                if (pos < end) {
                    if (b[pos] != ',') {
                        throw error("expected ,");
                    }
                    pos++;
                    skipBlanks();
                }
            }
            return Collections.unmodifiableMap(out);
        }

        private String token(boolean nullable) {
            ByteArrayOutputStream t = new ByteArrayOutputStream();
            if (pos < end && b[pos] == '"') {
                pos++;
                while (true) {
                    if (pos >= end) {
                        throw error("unterminated quoted string");
                    }
                    byte c = b[pos++];
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\' && pos < end) {
                        c = b[pos++];
                    }
                    t.write(c);
                }
                return t.toString(cs);
            }
            while (pos < end && b[pos] != ',' && b[pos] != '=' && b[pos] != ' ') {
                byte c = b[pos++];
                if (c == '\\' && pos < end) {
                    c = b[pos++];
                }
                t.write(c);
            }
            String s = t.toString(cs);
            return nullable && s.equalsIgnoreCase("NULL") ? null : s;
        }

        private void skipBlanks() {
            while (pos < end && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\n' || b[pos] == '\r')) {
                pos++;
            }
        }

        private DataException error(String what) {
            return new DataException("cannot load hstore text: " + what + " at byte " + pos);
        }
    }
}
