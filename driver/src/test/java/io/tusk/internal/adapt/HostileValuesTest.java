package io.tusk.internal.adapt;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.errors.DataException;
import io.tusk.internal.adapt.misc.HstoreAdapters;
import io.tusk.types.BitString;
import io.tusk.types.Box;
import io.tusk.types.Cidr;
import io.tusk.types.Circle;
import io.tusk.types.Composite;
import io.tusk.types.Inet;
import io.tusk.types.Interval;
import io.tusk.types.Json;
import io.tusk.types.Jsonb;
import io.tusk.types.Line;
import io.tusk.types.LineSegment;
import io.tusk.types.MacAddr;
import io.tusk.types.Multirange;
import io.tusk.types.Path;
import io.tusk.types.Point;
import io.tusk.types.Polygon;
import io.tusk.types.Range;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every built-in loader, text and binary, fed what a hostile or broken server could send:
 * valid values of every type truncated, bit-flipped, with absurd counts and lengths written over
 * them, and values of other types. Only a DataException may escape, no loader may read past its
 * value (each value ends where its array ends, so reading on throws), and none may allocate
 * more than a small multiple of the value's size (a declared count is never trusted).
 */
class HostileValuesTest {
    private static final int HSTORE = 90_001;
    /** numeric's own limit (131072 digits before the point) takes ~12 MB to build as a BigDecimal. */
    private static final long ALLOCATION_LIMIT = 16L << 20;
    private static final int[] ABSURD32 = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0x40000000, 0x10000, 7};
    private static final int[] ABSURD16 = {0xffff, 0x7fff, 0x8000, 0x4000, 0xC000, 0xD000, 0x3fff, 0x100};
    private static final byte[] TEXT_NOISE = "{}\"\\,[]:=()<>-0e9.xNn ;'".getBytes(StandardCharsets.US_ASCII);

    private final AdaptersMap adapters = AdaptersMap.global().child();
    private final AdaptContext context;
    private final Transformer tx;
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Map<String, Integer> failures = new TreeMap<>();
    private final List<String> examples = new ArrayList<>();
    private long loads;

    HostileValuesTest() {
        HstoreAdapters.register(adapters, HSTORE);
        context = AdaptContext.of(StandardCharsets.UTF_8, Map.of());
        tx = new Transformer(adapters, context);
    }

    private static List<Object> samples() {
        Map<String, String> hstore = new LinkedHashMap<>();
        hstore.put("a", "1");
        hstore.put("b c", null);
        return List.of(true, (short) 12, 1234, 1234567890123L, 1.5f, 2.25, new BigDecimal("-12345678.000123"),
                new BigDecimal("1e20"), "h\u00e9llo, \"w\"", new byte[] {0, 1, (byte) 0xff}, UUID.randomUUID(),
                LocalDate.of(2024, 2, 29), LocalTime.of(13, 14, 15, 123_456_000),
                OffsetTime.of(1, 2, 3, 0, ZoneOffset.ofHours(-5)), LocalDateTime.of(1999, 12, 31, 23, 59),
                OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), Interval.of(14, 3, 4_000_005L),
                Json.of("{\"a\": [1, 2]}"), Jsonb.of("{\"a\": 1}"), InetAddress.getLoopbackAddress(),
                new Inet(InetAddress.getLoopbackAddress(), 8), Cidr.parse("10.1.0.0/16"), Cidr.parse("2001:db8::/32"),
                MacAddr.parse("08:00:2b:01:02:03"), MacAddr.parse("08:00:2b:01:02:03:04:05"), new Point(1, 2),
                new Line(1, 2, 3), new LineSegment(new Point(1, 2), new Point(3, 4)),
                new Box(new Point(3, 4), new Point(1, 2)), new Circle(new Point(1, 2), 3),
                new Path(List.of(new Point(1, 2), new Point(3, 4)), true), new Polygon(List.of(new Point(0, 0),
                        new Point(1, 1), new Point(1, 0))), BitString.parse("101100111"),
                Range.of(1, 10), Range.of(new BigDecimal("1.5"), null), Range.of(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1)),
                Multirange.of(Range.of(1, 3), Range.of(5, 8)), List.of(List.of(1, 2), List.of(3, 4)),
                Arrays.asList("a", null, "b\"c"), Composite.of(Arrays.asList(1, "x y", null)), hstore);
    }

    /** The seeds: each sample in each format it dumps to, and as the element of an array. */
    private List<Seed> seeds(Format format) {
        List<Seed> out = new ArrayList<>();
        for (Object v : samples()) {
            addSeed(out, v, format);
            if (!(v instanceof List) && !(v instanceof Map)) {
                addSeed(out, Arrays.asList(v, null, v), format);
            }
        }
        // An anonymous record holding typed fields, as record_send writes it.
        if (format == Format.BINARY) {
            byte[] rec = {0, 0, 0, 2, 0, 0, 0, 23, 0, 0, 0, 4, 0, 0, 0, 9, 0, 0, 0, 25, -1, -1, -1, -1};
            out.add(new Seed(BuiltinTypes.RECORD, rec));
        } else {
            out.add(new Seed(BuiltinTypes.RECORD, "(1,\"a,b\",,\"\")".getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private void addSeed(List<Seed> out, Object v, Format format) {
        Dumper<Object> d;
        try {
            d = tx.dumperFor(v, format);
        } catch (RuntimeException e) {
            return; // no dumper in this format
        }
        if (d.format() != format) {
            return;
        }
        int oid = d.oid() != 0 ? d.oid() : v instanceof Composite ? BuiltinTypes.RECORD : BuiltinTypes.TEXT;
        out.add(new Seed(oid, d.dump(v, context)));
    }

    private record Seed(int oid, byte[] bytes) {
    }

    @Test
    void binaryLoadersRefuseHostileValuesWithDataExceptionOnly() {
        run(Format.BINARY);
    }

    @Test
    void textLoadersRefuseHostileValuesWithDataExceptionOnly() {
        run(Format.TEXT);
    }

    private void run(Format format) {
        List<Seed> seeds = seeds(format);
        List<Integer> oids = allOids();
        for (Seed s : seeds) {
            Loader<?> own = tx.loaderFor(s.oid(), format);
            for (byte[] m : mutants(s.bytes(), format)) {
                feed(own, s.oid(), format, m);
            }
            // Every other loader of the format gets this seed whole.
            for (int oid : oids) {
                feed(tx.loaderFor(oid, format), oid, format, s.bytes());
            }
        }
        for (int oid : oids) {
            Loader<?> l = tx.loaderFor(oid, format);
            for (byte[] m : format == Format.BINARY ? crafted() : craftedText()) {
                feed(l, oid, format, m);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " kinds of failure in " + loads + " loads, for example:\n"
                    + String.join("\n", examples));
        }
        assertTrue(loads > 10_000, "only " + loads + " loads");
    }

    private List<Integer> allOids() {
        List<Integer> out = new ArrayList<>();
        for (BuiltinTypes.Type t : BuiltinTypes.byName().values()) {
            if (!out.contains(t.oid())) {
                out.add(t.oid());
            }
        }
        out.add(HSTORE);
        return out;
    }

    /** Values that declare absurd counts in a few bytes: array, record, multirange, hstore, path headers. */
    private static List<byte[]> crafted() {
        List<byte[]> out = new ArrayList<>();
        out.add(ints(1, 0, 23, 0x7fffffff, 1, 0, 0)); // int4[] of 2^31-1 elements in 20 bytes
        out.add(ints(1, 0, 23, 0x80000000, 1)); // 2^31 elements (negative when signed)
        out.add(ints(-1, 0, 23));
        out.add(ints(7, 0, 23, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 0));
        out.add(ints(2, 0, 23, 0x10000, 1, 0x10000, 1)); // 2^32 elements as the product of two dimensions
        out.add(ints(1, 0, 23, 2, 1, 4, 1)); // 2 elements, the first runs past the value
        out.add(ints(1, 0, 23, 1, 1, 0x7fffffff)); // one element of 2 GiB
        out.add(ints(1, 0, 23, 1, 1, -2)); // negative length other than NULL
        out.add(ints(0x7fffffff)); // record / multirange / hstore / polygon count
        out.add(ints(-1));
        out.add(ints(1, 23, 0x7ffffffc));
        out.add(ints(2, 0x7ffffff0, 0));
        out.add(new byte[0]);
        return out;
    }

    private static List<byte[]> craftedText() {
        List<String> s = List.of("", "{", "}", "{{{{{{{{{1}}}}}}}}}", "[0:2147483647]={1}", "[1:0]={}", "[2147483647:2147483648]={1}",
                "[0:2]={1,2}", "[", "[0:", "{\"", "{\"\\", "(", ")", "(\"", "(\\", "[1,", "[,)", "{[1,2),", "{[1,2)",
                "\"a\"=>", "\"a\"=>\"", "1e99999", "99999999999999999999999", "NaN", "-", "((1,2),(3", "<(1,2),>",
                "a=>b,", "24:00:01", "P", "@", "x".repeat(100));
        List<byte[]> out = new ArrayList<>();
        for (String t : s) {
            out.add(t.getBytes(StandardCharsets.UTF_8));
        }
        out.add("{".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
        return out;
    }

    private static byte[] ints(int... v) {
        byte[] b = new byte[4 * v.length];
        for (int i = 0; i < v.length; i++) {
            Bin.put32(b, 4 * i, v[i]);
        }
        return b;
    }

    private static List<byte[]> mutants(byte[] seed, Format format) {
        List<byte[]> out = new ArrayList<>();
        out.add(seed);
        for (int n = 0; n < seed.length; n++) {
            out.add(Arrays.copyOf(seed, n));
        }
        for (int i = 0; i < seed.length; i++) {
            if (format == Format.BINARY) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] m = seed.clone();
                    m[i] ^= (byte) (1 << bit);
                    out.add(m);
                }
                for (int v : ABSURD32) {
                    if (i + 4 <= seed.length) {
                        byte[] m = seed.clone();
                        Bin.put32(m, i, v);
                        out.add(m);
                    }
                }
                for (int v : ABSURD16) {
                    if (i + 2 <= seed.length) {
                        byte[] m = seed.clone();
                        Bin.put16(m, i, v);
                        out.add(m);
                    }
                }
            } else {
                for (byte c : TEXT_NOISE) {
                    byte[] m = seed.clone();
                    m[i] = c;
                    out.add(m);
                }
                byte[] cut = new byte[seed.length - 1];
                System.arraycopy(seed, 0, cut, 0, i);
                System.arraycopy(seed, i + 1, cut, i, seed.length - i - 1);
                out.add(cut);
            }
        }
        return out;
    }

    private void feed(Loader<?> loader, int oid, Format format, byte[] value) {
        // Three bytes of another column before the value, nothing after it.
        byte[] buf = new byte[3 + value.length];
        buf[0] = 'X';
        buf[1] = 1;
        buf[2] = (byte) 0xff;
        System.arraycopy(value, 0, buf, 3, value.length);
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        loads++;
        try {
            loader.load(buf, 3, value.length);
        } catch (DataException expected) {
            // refused, as it should be
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            if (format == Format.TEXT && ownedByDateHelper(e)) {
                // The text date/time parsers are another part's work: the column wrapper turns
                // what they throw into a DataException naming the column, which is checked here.
                assertColumnWrapperRefuses(loader, buf, value.length);
            } else {
                record(oid, format, value, e.getClass().getSimpleName(), e);
            }
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        if (allocated > ALLOCATION_LIMIT + 64L * value.length) {
            record(oid, format, value, "allocated " + allocated + " bytes", null);
        }
    }

    private static boolean ownedByDateHelper(Throwable e) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("io.tusk.internal.adapt.datetime.DateTimeText")) {
                return true;
            }
        }
        return false;
    }

    private static void assertColumnWrapperRefuses(Loader<?> loader, byte[] buf, int len) {
        try {
            new ColumnLoader<>(loader, "c", "t").load(buf, 3, len);
            fail("the loader failed once and not twice");
        } catch (DataException e) {
            assertTrue(e.getMessage().startsWith("column \"c\" (t): "), e.getMessage());
        }
    }

    private void record(int oid, Format format, byte[] value, String what, Throwable e) {
        String key = tx.typeName(oid) + " " + format + ": " + what;
        if (failures.merge(key, 1, Integer::sum) == 1 && examples.size() < 60) {
            String shown = format == Format.TEXT ? new String(value, 0, Math.min(value.length, 60), StandardCharsets.UTF_8)
                    : java.util.HexFormat.of().formatHex(value, 0, Math.min(value.length, 48));
            StackTraceElement at = e == null || e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
            examples.add("  " + key + " <- " + shown + (e == null ? "" : " : " + e.getMessage() + " at " + at));
        }
    }
}
