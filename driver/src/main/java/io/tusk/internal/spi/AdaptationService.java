package io.tusk.internal.spi;

import io.tusk.Connection;
import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.CompositeInfo;
import io.tusk.adapt.EnumInfo;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.internal.adapt.builtin.BuiltinAdapters;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.adapt.ArrayLoaders;
import io.tusk.internal.adapt.composite.CompositeAdapters;
import io.tusk.internal.adapt.datetime.DateTimeAdapters;
import io.tusk.internal.adapt.datetime.PgZone;
import io.tusk.internal.adapt.misc.DomainLoader;
import io.tusk.internal.adapt.misc.EnumAdapters;
import io.tusk.internal.adapt.misc.HstoreAdapters;
import io.tusk.internal.adapt.misc.JsonAdapters;
import io.tusk.internal.adapt.numeric.MoneyLoaders;
import io.tusk.internal.adapt.numeric.NumericLoaders;
import io.tusk.internal.adapt.range.RangeAdapters;
import io.tusk.internal.connection.ConnectionImpl;
import io.tusk.spi.Adaptation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/** The driver's {@link Adaptation}: the built-in adapters of {@code io.tusk.internal.adapt}. */
public final class AdaptationService implements Adaptation {
    @Override
    public String quoteString(String text) {
        return io.tusk.internal.adapt.Literals.quoteString(text);
    }

    @Override
    public void registerBuiltins() {
        BuiltinAdapters.ensureRegistered();
    }

    @Override
    public String literal(Object value, Connection conn) {
        BuiltinAdapters.ensureRegistered();
        if (conn instanceof ConnectionImpl impl && !impl.closedByUser()) {
            // The connection's adapters (and the session's encoding and settings) decide the literal.
            return new Transformer(conn.adapters(),
                    AdaptContext.of(impl.session().charset(), impl.session().parameters())).quote(value);
        }
        return new Transformer(conn == null ? AdaptersMap.global() : conn.adapters(), StandardCharsets.UTF_8).quote(value);
    }

    @Override
    public ZoneId zoneOf(String pgZone) {
        return PgZone.of(pgZone).zoneId();
    }

    @Override
    public Loader<List<Object>> deferredArrayLoader(Format format, int elementOid, char delimiter) {
        return ArrayLoaders.deferred(format, elementOid, delimiter);
    }

    @Override
    public void registerRange(AdaptersMap adapters, int oid, int subtypeOid) {
        RangeAdapters.registerRange(adapters, oid, subtypeOid);
    }

    @Override
    public void registerMultirange(AdaptersMap adapters, int oid, int subtypeOid) {
        RangeAdapters.registerMultirange(adapters, oid, subtypeOid);
    }

    @Override
    public <R extends Record> void registerComposite(AdaptersMap adapters, CompositeInfo info, Class<R> type) {
        CompositeAdapters.register(adapters, info, type);
    }

    @Override
    public void registerHstore(AdaptersMap adapters, int oid) {
        HstoreAdapters.register(adapters, oid);
    }

    @Override
    public void registerEnumLabels(AdaptersMap adapters, EnumInfo info) {
        EnumAdapters.registerLabels(adapters, info);
    }

    @Override
    public <E extends Enum<E>> void registerJavaEnum(AdaptersMap adapters, EnumInfo info, Class<E> type) {
        EnumAdapters.registerJavaEnum(adapters, info, type);
    }

    @Override
    public Loader<Object> domainLoader(int baseOid, Format format) {
        return new DomainLoader(baseOid, format);
    }

    @Override
    public Loader<Double> numericAsDouble(Format format) {
        return format == Format.BINARY ? NumericLoaders.BINARY_AS_DOUBLE : NumericLoaders.TEXT_AS_DOUBLE;
    }

    @Override
    public Loader<LocalDate> dateInfinityAs(Format format, LocalDate minusInfinity, LocalDate infinity) {
        return format == Format.BINARY ? DateTimeAdapters.dateBinary(minusInfinity, infinity)
                : DateTimeAdapters.dateText(minusInfinity, infinity);
    }

    @Override
    public Loader<LocalDateTime> timestampInfinityAs(Format format, LocalDateTime minusInfinity, LocalDateTime infinity) {
        return format == Format.BINARY ? DateTimeAdapters.timestampBinary(minusInfinity, infinity)
                : DateTimeAdapters.timestampText(minusInfinity, infinity);
    }

    @Override
    public Loader<OffsetDateTime> timestamptzInfinityAs(Format format, OffsetDateTime minusInfinity,
            OffsetDateTime infinity) {
        return format == Format.BINARY ? DateTimeAdapters.timestamptzBinary(minusInfinity, infinity)
                : DateTimeAdapters.timestamptzText(minusInfinity, infinity);
    }

    @Override
    public Loader<BigDecimal> money(Format format, int fractionDigits) {
        return format == Format.BINARY ? MoneyLoaders.binary(fractionDigits) : MoneyLoaders.text(fractionDigits);
    }

    @Override
    public String moneyScaleQuery() {
        return MoneyLoaders.scaleQuery();
    }

    @Override
    public <T> Loader<T> json(Format format, boolean versioned, Function<String, T> loads) {
        return JsonAdapters.loader(format, versioned, loads);
    }
}
