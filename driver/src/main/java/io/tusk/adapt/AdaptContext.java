package io.tusk.adapt;

import io.tusk.spi.Services;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;

/**
 * What dumpers and loaders may need to know about the session: psycopg's {@code AdaptContext}.
 * Text is read and written in the connection's client encoding; {@code timestamptz} values are
 * shown in the session's {@code TimeZone}; text dates follow {@code DateStyle}.
 *
 * <pre>{@code
 * AdaptContext ctx = AdaptContext.of(StandardCharsets.UTF_8, Map.of("TimeZone", "Asia/Kathmandu"));
 * ctx.timeZone(); // Asia/Kathmandu
 * }</pre>
 */
public interface AdaptContext {
    /** A UTF-8, UTC context: what a value is dumped with outside any connection. */
    AdaptContext DEFAULT = of(StandardCharsets.UTF_8, Map.of());

    /** The client encoding's charset. */
    Charset charset();

    /** A session parameter as the server last reported it (ParameterStatus), or null. */
    String parameter(String name);

    /**
     * The adapters in force (psycopg's {@code AdaptContext.adapters}): a loader or dumper of a
     * container type (arrays, ranges, composites) picks its elements' adapters here, so that a
     * cursor's registrations apply inside containers too. By default the global map.
     */
    default AdaptersMap adapters() {
        return AdaptersMap.global();
    }

    /**
     * The session's {@code TimeZone} as a Java zone, UTC when unset. POSIX-style specs are read
     * as PostgreSQL reads them, offsets counting west of Greenwich ({@code +02:00} and
     * {@code UTC+2} are UTC−02:00, {@code <+03>-03} is UTC+03:00); a POSIX spec with
     * daylight-saving rules has no Java zone and gives UTC here (Tusk's own timestamptz
     * loaders still follow its rules).
     */
    default ZoneId timeZone() {
        return zoneOf(parameter("TimeZone"));
    }

    /**
     * A context over a session's parameters; {@code parameters} may be a live map, so a later
     * {@code SET TimeZone} is seen by loaders chosen after it.
     */
    static AdaptContext of(Charset charset, Map<String, String> parameters) {
        return new AdaptContext() {
            @Override
            public Charset charset() {
                return charset;
            }

            @Override
            public String parameter(String name) {
                return parameters.get(name);
            }
        };
    }

    /** This context with another adapters map: what a transformer hands to its loaders and dumpers. */
    default AdaptContext with(AdaptersMap adapters) {
        AdaptContext self = this;
        return new AdaptContext() {
            @Override
            public Charset charset() {
                return self.charset();
            }

            @Override
            public String parameter(String name) {
                return self.parameter(name);
            }

            @Override
            public AdaptersMap adapters() {
                return adapters;
            }
        };
    }

    /** The Java zone for a PostgreSQL {@code TimeZone} setting; UTC when null or unknown to Java. */
    static ZoneId zoneOf(String pgZone) {
        return Services.adaptation().zoneOf(pgZone);
    }
}
