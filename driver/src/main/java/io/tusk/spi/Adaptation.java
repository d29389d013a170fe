package io.tusk.spi;

import io.tusk.Connection;
import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.CompositeInfo;
import io.tusk.adapt.EnumInfo;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * The built-in adapters the public adaptation API hands out or registers: what
 * {@code io.tusk.adapt}'s type infos and {@code Loaders}, and {@code io.tusk.sql.Literal},
 * need from the driver's implementation, found through {@link Services#adaptation()}.
 * A service-provider interface implemented inside the driver; not for applications.
 */
public interface Adaptation {
    /** Registers the built-in adapters in {@code AdaptersMap.global()}, once (later calls return at once). */
    void registerBuiltins();

    /** {@code value} as an SQL literal, adapted by {@code conn}'s adapters and session (the global ones when null). */
    String literal(Object value, Connection conn);

    /** A string as an SQL literal that reads the same whatever {@code standard_conforming_strings} says. */
    String quoteString(String text);

    /** The Java zone for a PostgreSQL {@code TimeZone} setting; UTC when null or unknown to Java. */
    ZoneId zoneOf(String pgZone);

    /** Loads an array of the type {@code elementOid} whose element loader is looked up when a value arrives. */
    Loader<List<Object>> deferredArrayLoader(Format format, int elementOid, char delimiter);

    void registerRange(AdaptersMap adapters, int oid, int subtypeOid);

    void registerMultirange(AdaptersMap adapters, int oid, int subtypeOid);

    /** Composite rows as {@code type} records, or as {@code io.tusk.types.Composite} when {@code type} is null. */
    <R extends Record> void registerComposite(AdaptersMap adapters, CompositeInfo info, Class<R> type);

    void registerHstore(AdaptersMap adapters, int oid);

    void registerEnumLabels(AdaptersMap adapters, EnumInfo info);

    <E extends Enum<E>> void registerJavaEnum(AdaptersMap adapters, EnumInfo info, Class<E> type);

    /** Loads a domain's values with its base type's loader. */
    Loader<Object> domainLoader(int baseOid, Format format);

    Loader<Double> numericAsDouble(Format format);

    Loader<LocalDate> dateInfinityAs(Format format, LocalDate minusInfinity, LocalDate infinity);

    Loader<LocalDateTime> timestampInfinityAs(Format format, LocalDateTime minusInfinity, LocalDateTime infinity);

    Loader<OffsetDateTime> timestamptzInfinityAs(Format format, OffsetDateTime minusInfinity, OffsetDateTime infinity);

    /** money with {@code fractionDigits} (already checked to be 0 to 10) digits after the point. */
    Loader<BigDecimal> money(Format format, int fractionDigits);

    /** The query whose one value is the session's money fraction digits. */
    String moneyScaleQuery();

    <T> Loader<T> json(Format format, boolean versioned, Function<String, T> loads);
}
