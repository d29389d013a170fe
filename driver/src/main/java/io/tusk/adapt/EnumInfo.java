package io.tusk.adapt;

import io.tusk.Connection;
import io.tusk.spi.Services;
import java.util.List;

/**
 * An enum type from the catalog: psycopg's {@code EnumInfo}, with its labels in order. Enum
 * values load as String by default; {@link #register(AdaptersMap, Class)} maps them to a Java
 * enum's constants by name (exactly, else ignoring case) in both directions.
 *
 * <pre>{@code
 * conn.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
 * enum Mood { SAD, OK, HAPPY }
 * EnumInfo.fetch(conn, "mood").register(conn.adapters(), Mood.class);
 * conn.execute("SELECT %s", Mood.HAPPY).fetchone().get(0);   // Mood.HAPPY
 * }</pre>
 */
public final class EnumInfo extends TypeInfo {
    private final List<String> labels;

    EnumInfo(TypeInfo base, List<String> labels) {
        super(base);
        this.labels = List.copyOf(labels);
    }

    /** The enum type named {@code name}, null when there is none. */
    public static EnumInfo fetch(Connection conn, String name) {
        return fetch(conn, name, EnumInfo.class, "an enum");
    }

    /** pg_enum.enumlabel in enumsortorder. */
    public List<String> labels() {
        return labels;
    }

    /** Loads the enum (and its array) as String in both formats. */
    @Override
    public AdaptersMap register(AdaptersMap adapters) {
        super.register(adapters);
        Services.adaptation().registerEnumLabels(adapters, this);
        return adapters;
    }

    /**
     * Loads the enum as {@code type}'s constants and dumps them as this enum. Fails when a
     * label has no constant of the same name (exact, else ignoring case), or a constant no label.
     */
    public <E extends Enum<E>> AdaptersMap register(AdaptersMap adapters, Class<E> type) {
        super.register(adapters);
        Services.adaptation().registerJavaEnum(adapters, this, type);
        return adapters;
    }
}
