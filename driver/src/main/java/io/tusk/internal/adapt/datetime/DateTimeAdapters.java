package io.tusk.internal.adapt.datetime;

import static io.tusk.internal.adapt.BuiltinTypes.DATE;
import static io.tusk.internal.adapt.BuiltinTypes.TIME;
import static io.tusk.internal.adapt.BuiltinTypes.TIMESTAMP;
import static io.tusk.internal.adapt.BuiltinTypes.TIMESTAMPTZ;
import static io.tusk.internal.adapt.BuiltinTypes.TIMETZ;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.errors.DataException;
import io.tusk.internal.adapt.Bin;
import io.tusk.internal.adapt.Dumpers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;

/**
 * date, time, timetz, timestamp and timestamptz ⟷ java.time (psycopg's {@code types.datetime}).
 * timestamptz loads as an OffsetDateTime at the session's TimeZone offset for that instant
 * (binary results carry only the instant; text results carry the offset the server chose,
 * which is the same). Text follows the session's DateStyle. Nanoseconds are truncated to PostgreSQL's microseconds when dumping.
 */
public final class DateTimeAdapters {
    private DateTimeAdapters() {
    }

    public static void register(AdaptersMap m) {
        m.registerDumper(LocalDate.class, Format.TEXT, Dumpers.<LocalDate>text(DATE, DateTimeText::format));
        m.registerDumper(LocalDate.class, Format.BINARY, Dumpers.<LocalDate>binary(DATE, d -> Bin.of32(PgTime.days(d))));
        m.registerLoader(DATE, Format.TEXT, dateText(null, null));
        m.registerLoader(DATE, Format.BINARY, dateBinary(null, null));

        m.registerDumper(LocalTime.class, Format.TEXT, Dumpers.<LocalTime>text(TIME, DateTimeText::format));
        m.registerDumper(LocalTime.class, Format.BINARY, Dumpers.<LocalTime>binary(TIME, t -> Bin.of64(PgTime.micros(t))));
        m.registerLoader(TIME, Format.TEXT, DateTimeText::parseTime);
        m.registerLoader(TIME, Format.BINARY, (b, off, len) -> {
            Bin.expectLength(len, 8, "time");
            long us = Bin.int64(b, off);
            return PgTime.time(us, us + " microseconds");
        });

        m.registerDumper(OffsetTime.class, Format.TEXT, Dumpers.<OffsetTime>text(TIMETZ, DateTimeText::format));
        // timetz_send: int64 microseconds of local time, int32 zone in seconds WEST of Greenwich.
        m.registerDumper(OffsetTime.class, Format.BINARY, Dumpers.<OffsetTime>binary(TIMETZ, t -> {
            byte[] out = new byte[12];
            Bin.put64(out, 0, PgTime.micros(t.toLocalTime()));
            Bin.put32(out, 8, -t.getOffset().getTotalSeconds());
            return out;
        }));
        m.registerLoader(TIMETZ, Format.TEXT, DateTimeText::parseTimetz);
        m.registerLoader(TIMETZ, Format.BINARY, (b, off, len) -> {
            Bin.expectLength(len, 12, "timetz");
            long us = Bin.int64(b, off);
            int west = Bin.int32(b, off + 8);
            // timetz_recv accepts zones up to 15:59 either way (TZDISP_LIMIT); java.time goes to 18:00.
            if (west < -18 * 3600 || west > 18 * 3600) {
                throw new DataException("cannot load binary timetz: zone offset of " + west + " seconds is out of range");
            }
            return OffsetTime.of(PgTime.time(us, us + " microseconds"), java.time.ZoneOffset.ofTotalSeconds(-west));
        });

        m.registerDumper(LocalDateTime.class, Format.TEXT, Dumpers.<LocalDateTime>text(TIMESTAMP, DateTimeText::format));
        m.registerDumper(LocalDateTime.class, Format.BINARY,
                Dumpers.<LocalDateTime>binary(TIMESTAMP, t -> Bin.of64(PgTime.micros(t))));
        m.registerLoader(TIMESTAMP, Format.TEXT, timestampText(null, null));
        m.registerLoader(TIMESTAMP, Format.BINARY, timestampBinary(null, null));

        m.registerDumper(OffsetDateTime.class, Format.TEXT, Dumpers.<OffsetDateTime>text(TIMESTAMPTZ, DateTimeText::format));
        m.registerDumper(OffsetDateTime.class, Format.BINARY,
                Dumpers.<OffsetDateTime>binary(TIMESTAMPTZ, t -> Bin.of64(PgTime.micros(t.toInstant()))));
        m.registerDumper(ZonedDateTime.class, Format.TEXT,
                Dumpers.<ZonedDateTime>text(TIMESTAMPTZ, t -> DateTimeText.format(t.toOffsetDateTime())));
        m.registerDumper(ZonedDateTime.class, Format.BINARY,
                Dumpers.<ZonedDateTime>binary(TIMESTAMPTZ, t -> Bin.of64(PgTime.micros(t.toInstant()))));
        m.registerDumper(Instant.class, Format.TEXT, Dumpers.<Instant>text(TIMESTAMPTZ,
                t -> DateTimeText.format(t.atOffset(java.time.ZoneOffset.UTC))));
        m.registerDumper(Instant.class, Format.BINARY, Dumpers.<Instant>binary(TIMESTAMPTZ, t -> Bin.of64(PgTime.micros(t))));
        m.registerLoader(TIMESTAMPTZ, Format.TEXT, timestamptzText(null, null));
        m.registerLoader(TIMESTAMPTZ, Format.BINARY, timestamptzBinary(null, null));
    }

    /**
     * date in text, in the session's DateStyle; {@code -infinity}/{@code infinity} become the
     * given values, or an error when null.
     */
    public static Loader<LocalDate> dateText(LocalDate minus, LocalDate plus) {
        return new StyledLoader<>((b, off, len, ds, zone) -> {
            if (len > 0 && (b[off] == 'i' || b[off] == '-') && (minus != null || plus != null)) {
                return b[off] == 'i' ? plus : minus;
            }
            return DateTimeText.parseDate(b, off, len, ds);
        });
    }

    public static Loader<LocalDate> dateBinary(LocalDate minus, LocalDate plus) {
        return (b, off, len) -> {
            Bin.expectLength(len, 4, "date");
            int days = Bin.int32(b, off);
            if (days == Integer.MAX_VALUE || days == Integer.MIN_VALUE) {
                LocalDate sub = days > 0 ? plus : minus;
                if (sub == null) {
                    throw PgTime.infinity(days > 0 ? "infinity" : "-infinity", "date", "LocalDate");
                }
                return sub;
            }
            return PgTime.date(days);
        };
    }

    public static Loader<LocalDateTime> timestampText(LocalDateTime minus, LocalDateTime plus) {
        return new StyledLoader<>((b, off, len, ds, zone) -> {
            if (len > 0 && (b[off] == 'i' || b[off] == '-') && (minus != null || plus != null)) {
                return b[off] == 'i' ? plus : minus;
            }
            return DateTimeText.parseTimestamp(b, off, len, ds);
        });
    }

    public static Loader<LocalDateTime> timestampBinary(LocalDateTime minus, LocalDateTime plus) {
        return (b, off, len) -> {
            Bin.expectLength(len, 8, "timestamp");
            long us = Bin.int64(b, off);
            if (us == Long.MAX_VALUE || us == Long.MIN_VALUE) {
                return infinite(us > 0, minus, plus, "timestamp", "LocalDateTime");
            }
            return PgTime.localDateTime(us);
        };
    }

    /**
     * timestamptz in text: the offset printed (ISO), or the local time and zone abbreviation
     * (SQL, Postgres, German) resolved in the session's TimeZone.
     */
    public static Loader<OffsetDateTime> timestamptzText(OffsetDateTime minus, OffsetDateTime plus) {
        return new StyledLoader<>((b, off, len, ds, zone) -> {
            if (len > 0 && (b[off] == 'i' || b[off] == '-') && (minus != null || plus != null)) {
                return b[off] == 'i' ? plus : minus;
            }
            return DateTimeText.parseTimestamptz(b, off, len, ds, zone);
        });
    }

    /** A text parser that needs the session's DateStyle and TimeZone. */
    private interface StyledParser<T> {
        T parse(byte[] b, int off, int len, PgDateStyle ds, PgZone zone);
    }

    /**
     * Binds a parser to the session's DateStyle and TimeZone when the loader is chosen for a
     * result (both are GUC_REPORT parameters, kept current from ParameterStatus, so a
     * {@code SET datestyle} applies to the results that follow it); ISO and UTC outside a session.
     */
    private static final class StyledLoader<T> implements Loader<T> {
        private final StyledParser<T> parser;
        private final PgDateStyle ds;
        private final PgZone zone;

        StyledLoader(StyledParser<T> parser) {
            this(parser, PgDateStyle.ISO, PgZone.of(null));
        }

        private StyledLoader(StyledParser<T> parser, PgDateStyle ds, PgZone zone) {
            this.parser = parser;
            this.ds = ds;
            this.zone = zone;
        }

        @Override
        public T load(byte[] b, int off, int len) {
            return parser.parse(b, off, len, ds, zone);
        }

        @Override
        public Loader<T> in(AdaptContext context) {
            return new StyledLoader<>(parser, PgDateStyle.of(context.parameter("DateStyle")),
                    PgZone.of(context.parameter("TimeZone")));
        }
    }

    /** Binary timestamptz is an instant: shown at the session zone's offset, resolved once per column. */
    public static Loader<OffsetDateTime> timestamptzBinary(OffsetDateTime minus, OffsetDateTime plus) {
        return new Loader<OffsetDateTime>() {
            private final PgZone zone = PgZone.of(null);

            @Override
            public OffsetDateTime load(byte[] b, int off, int len) {
                return load(b, off, len, zone);
            }

            private OffsetDateTime load(byte[] b, int off, int len, PgZone z) {
                Bin.expectLength(len, 8, "timestamptz");
                long us = Bin.int64(b, off);
                if (us == Long.MAX_VALUE || us == Long.MIN_VALUE) {
                    return infinite(us > 0, minus, plus, "timestamptz", "OffsetDateTime");
                }
                Instant instant = PgTime.instant(us);
                return OffsetDateTime.ofInstant(instant, z.offset(instant));
            }

            @Override
            public Loader<OffsetDateTime> in(AdaptContext context) {
                // The session's TimeZone as PostgreSQL reads it (POSIX offsets count west).
                PgZone z = PgZone.of(context.parameter("TimeZone"));
                return (b, off, len) -> load(b, off, len, z);
            }
        };
    }

    private static <T> T infinite(boolean positive, T minus, T plus, String type, String javaType) {
        T sub = positive ? plus : minus;
        if (sub == null) {
            throw PgTime.infinity(positive ? "infinity" : "-infinity", type, javaType);
        }
        return sub;
    }

}
