package io.tusk.adapt;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.rows.Row;
import io.tusk.spi.Services;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * Opt-in loaders for values the default Java types cannot hold, in the spirit of psycopg's
 * documented loader recipes (e.g. "infinity dates").
 *
 * <pre>{@code
 * AdaptersMap m = AdaptersMap.global().child();
 * m.registerLoader("numeric", Format.BINARY, Loaders.numericAsDouble(Format.BINARY));
 * m.registerLoader("date", Format.BINARY, Loaders.dateInfinityAs(Format.BINARY, LocalDate.MIN, LocalDate.MAX));
 * }</pre>
 */
public final class Loaders {
    private Loaders() {
    }

    /** numeric ⟶ Double, keeping NaN and ±Infinity (BigDecimal has neither); digits beyond a double's are lost. */
    public static Loader<Double> numericAsDouble(Format format) {
        return Services.adaptation().numericAsDouble(format);
    }

    /**
     * date ⟶ LocalDate with {@code -infinity} and {@code infinity} loaded as the given values
     * (psycopg's "infinity dates" recipe); dumping those values still sends them as dates.
     */
    public static Loader<LocalDate> dateInfinityAs(Format format, LocalDate minusInfinity, LocalDate infinity) {
        return Services.adaptation().dateInfinityAs(format, minusInfinity, infinity);
    }

    /** timestamp ⟶ LocalDateTime with {@code -infinity} and {@code infinity} loaded as the given values. */
    public static Loader<LocalDateTime> timestampInfinityAs(Format format, LocalDateTime minusInfinity,
            LocalDateTime infinity) {
        return Services.adaptation().timestampInfinityAs(format, minusInfinity, infinity);
    }

    /** timestamptz ⟶ OffsetDateTime with {@code -infinity} and {@code infinity} loaded as the given values. */
    public static Loader<OffsetDateTime> timestamptzInfinityAs(Format format, OffsetDateTime minusInfinity,
            OffsetDateTime infinity) {
        return Services.adaptation().timestamptzInfinityAs(format, minusInfinity, infinity);
    }

    /**
     * money ⟶ BigDecimal with {@code fractionDigits} digits after the point: the {@code frac_digits}
     * of the server's {@code lc_monetary}, which binary money (an int8 of the smallest unit) does
     * not carry. The default money loaders assume 2; {@link #money(Connection, Format)} asks the session.
     */
    public static Loader<BigDecimal> money(Format format, int fractionDigits) {
        if (fractionDigits < 0 || fractionDigits > 10) {
            throw new IllegalArgumentException("money has 0 to 10 fraction digits (cash.c), not " + fractionDigits);
        }
        return Services.adaptation().money(format, fractionDigits);
    }

    /**
     * money ⟶ BigDecimal with the fraction digits of the session's current {@code lc_monetary},
     * read with one query on {@code conn} (which, outside autocommit, opens a transaction as any
     * statement does). {@code lc_monetary} is not reported by the server: after
     * {@code SET lc_monetary} register again.
     *
     * <pre>{@code
     * conn.execute("SET lc_monetary = 'ja_JP.UTF-8'");                 // yen: no fraction digits
     * conn.adapters().registerLoader("money", Format.BINARY, Loaders.money(conn, Format.BINARY));
     * }</pre>
     */
    public static Loader<BigDecimal> money(Connection conn, Format format) {
        try (Cursor<Row> cur = conn.execute(Services.adaptation().moneyScaleQuery())) {
            return money(format, ((Number) cur.fetchone().get(0)).intValue());
        }
    }

    /**
     * json or jsonb ⟶ whatever {@code loads} makes of the JSON text (psycopg's {@code set_json_loads}),
     * e.g. {@code Loaders.json(Format.BINARY, true, mapper::readTree)}; {@code jsonb} says whether
     * the column is jsonb (its binary values start with a version byte).
     */
    public static <T> Loader<T> json(Format format, boolean jsonb, Function<String, T> loads) {
        return Services.adaptation().json(format, jsonb && format == Format.BINARY, loads);
    }
}
