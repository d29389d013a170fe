package io.tusk.internal.adapt.datetime;

import static io.tusk.internal.adapt.BuiltinTypes.INTERVAL;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.errors.DataException;
import io.tusk.internal.adapt.Ascii;
import io.tusk.internal.adapt.Bin;
import io.tusk.internal.adapt.Dumpers;
import io.tusk.types.Interval;
import java.time.Duration;
import java.time.Period;

/**
 * interval ⟷ {@link Interval}; Duration and Period dump as intervals too. Binary is
 * {@code interval_send}: int64 microseconds, int32 days, int32 months. Text results are read in
 * the session's IntervalStyle: the default {@code postgres} ({@code 1 year 2 mons -3 days +04:05:06.5})
 * here, {@code postgres_verbose}, {@code sql_standard} and {@code iso_8601} by {@link IntervalText}.
 */
public final class IntervalAdapters {
    private IntervalAdapters() {
    }

    public static void register(AdaptersMap m) {
        m.registerDumper(Interval.class, Format.TEXT, Dumpers.<Interval>text(INTERVAL, Interval::toString));
        m.registerDumper(Interval.class, Format.BINARY, Dumpers.<Interval>binary(INTERVAL, IntervalAdapters::binary));
        m.registerDumper(Duration.class, Format.TEXT, Dumpers.<Duration>text(INTERVAL, d -> of(d).toString()));
        m.registerDumper(Duration.class, Format.BINARY, Dumpers.<Duration>binary(INTERVAL, d -> binary(of(d))));
        m.registerDumper(Period.class, Format.TEXT, Dumpers.<Period>text(INTERVAL, p -> of(p).toString()));
        m.registerDumper(Period.class, Format.BINARY, Dumpers.<Period>binary(INTERVAL, p -> binary(of(p))));
        m.registerLoader(INTERVAL, Format.BINARY, (b, off, len) -> {
            Bin.expectLength(len, 16, "interval");
            long us = Bin.int64(b, off);
            int days = Bin.int32(b, off + 8);
            int months = Bin.int32(b, off + 12);
            if ((months == Integer.MAX_VALUE || months == Integer.MIN_VALUE) && (us == Long.MAX_VALUE || us == Long.MIN_VALUE)) {
                throw infinity(months > 0 ? "infinity" : "-infinity");
            }
            return Interval.of(months, days, us);
        });
        m.registerLoader(INTERVAL, Format.TEXT, new Loader<Interval>() {
            @Override
            public Interval load(byte[] b, int off, int len) {
                return parse(b, off, len);
            }

            @Override
            public Loader<Interval> in(AdaptContext context) {
                String style = context.parameter("IntervalStyle");
                if (style == null || style.equals("postgres")) {
                    return this;
                }
                return (b, off, len) -> {
                    if (len > 0 && b[off] == 'i' || len > 1 && b[off] == '-' && b[off + 1] == 'i') {
                        throw infinity(Ascii.string(b, off, len));
                    }
                    return IntervalText.parse(Ascii.string(b, off, len), style);
                };
            }
        });
    }

    private static Interval of(Duration d) {
        try {
            return Interval.of(d);
        } catch (IllegalArgumentException e) {
            throw new DataException("cannot dump java.time.Duration " + d + ": out of range for PostgreSQL interval", e);
        }
    }

    private static Interval of(Period p) {
        try {
            return Interval.of(p);
        } catch (IllegalArgumentException e) {
            throw new DataException("cannot dump java.time.Period " + p + ": out of range for PostgreSQL interval", e);
        }
    }

    static byte[] binary(Interval i) {
        byte[] out = new byte[16];
        Bin.put64(out, 0, i.microseconds());
        Bin.put32(out, 8, i.days());
        Bin.put32(out, 12, i.months());
        return out;
    }

    private static DataException infinity(String v) {
        return new DataException("cannot load interval value '" + v + "' as Interval, which has no infinity:"
                + " filter it in SQL (isfinite(...)) or register a loader of your own");
    }

    /**
     * The postgres style: {@code [N year[s]] [N mon[s]] [N day[s]] [[+-]H:MM:SS[.ffffff]]}, each
     * number signed; an interval of nothing is {@code 00:00:00}.
     */
    static Interval parse(byte[] b, int off, int len) {
        int end = off + len;
        int pos = off;
        long months = 0;
        long days = 0;
        long micros = 0;
        if (len > 0 && b[off] == 'i' || len > 1 && b[off] == '-' && b[off + 1] == 'i') {
            throw infinity(Ascii.string(b, off, len));
        }
        try {
            while (pos < end) {
                int start = pos;
                boolean neg = false;
                if (b[pos] == '-' || b[pos] == '+') {
                    neg = b[pos] == '-';
                    pos++;
                }
                int numStart = pos;
                while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
                    pos++;
                }
                if (pos < end && b[pos] == ':') {
                    micros = time(b, numStart, end, neg);
                    pos = end;
                    break;
                }
                long n = Long.parseLong(Ascii.string(b, numStart, pos - numStart));
                if (neg) {
                    n = -n;
                }
                if (pos >= end || b[pos] != ' ') {
                    throw Ascii.bad(b, off, len, "interval");
                }
                pos++;
                int unit = pos;
                while (pos < end && b[pos] != ' ') {
                    pos++;
                }
                switch (b[unit]) {
                    case 'y' -> months += 12 * n;
                    case 'm' -> months += n;
                    case 'd' -> days += n;
                    default -> throw Ascii.bad(b, off, len, "interval");
                }
                if (pos < end) {
                    pos++;
                }
                if (start == pos) {
                    throw Ascii.bad(b, off, len, "interval");
                }
            }
            return Interval.of(Math.toIntExact(months), Math.toIntExact(days), micros);
        } catch (NumberFormatException | ArithmeticException | ArrayIndexOutOfBoundsException e) {
            throw Ascii.bad(b, off, len, "interval");
        }
    }

    /** {@code H:MM:SS[.f]} at {@code pos} (after the sign), as microseconds. */
    private static long time(byte[] b, int pos, int end, boolean neg) {
        int colon = pos;
        while (b[colon] != ':') {
            colon++;
        }
        long h = Long.parseLong(Ascii.string(b, pos, colon - pos));
        int m = Ascii.digits(b, colon + 1, 2);
        int s = Ascii.digits(b, colon + 4, 2);
        long frac = 0;
        int p = colon + 6;
        if (p < end && b[p] == '.') {
            int digits = 0;
            for (p++; p < end; p++, digits++) {
                frac = frac * 10 + (b[p] - '0');
            }
            for (; digits < 6; digits++) {
                frac *= 10;
            }
        }
        // Accumulate negatively so that -2562047788:00:54.775808 (Long.MIN_VALUE) fits.
        long us = Math.subtractExact(Math.multiplyExact(-h, 3_600_000_000L), (m * 60L + s) * 1_000_000L + frac);
        return neg ? us : Math.negateExact(us);
    }
}
