package io.tusk.adapt;

import io.tusk.Connection;
import io.tusk.spi.Services;
import java.util.List;

/**
 * A composite type from the catalog (a table's row type or {@code CREATE TYPE ... AS}):
 * psycopg's {@code CompositeInfo}, with its field names and types. Registered, it loads as
 * {@link io.tusk.types.Composite} (fields by index and name), or as a Java record whose
 * components are matched to the fields by name ({@code first_name} matches {@code firstName}).
 *
 * <pre>{@code
 * conn.execute("CREATE TYPE card AS (value int, suit text)");
 * record Card(int value, String suit) {}
 * CompositeInfo.fetch(conn, "card").register(conn.adapters(), Card.class);
 * Card c = (Card) conn.execute("SELECT %s", new Card(8, "hearts")).fetchone().get(0);
 * }</pre>
 */
public final class CompositeInfo extends TypeInfo {
    private final List<String> fieldNames;
    private final List<Integer> fieldTypes;

    CompositeInfo(TypeInfo base, List<String> fieldNames, List<Integer> fieldTypes) {
        super(base);
        this.fieldNames = List.copyOf(fieldNames);
        this.fieldTypes = List.copyOf(fieldTypes);
    }

    /** The composite type named {@code name}, null when there is none. */
    public static CompositeInfo fetch(Connection conn, String name) {
        return fetch(conn, name, CompositeInfo.class, "a composite type");
    }

    public List<String> fieldNames() {
        return fieldNames;
    }

    /** The OIDs of the fields' types, in field order. */
    public List<Integer> fieldTypes() {
        return fieldTypes;
    }

    /** Loads the type as {@link io.tusk.types.Composite}; Composites of this type name dump as it. */
    @Override
    public AdaptersMap register(AdaptersMap adapters) {
        super.register(adapters);
        Services.adaptation().registerComposite(adapters, this, null);
        return adapters;
    }

    /** Loads the type as {@code type} records and dumps them as this type. */
    public <R extends Record> AdaptersMap register(AdaptersMap adapters, Class<R> type) {
        super.register(adapters);
        Services.adaptation().registerComposite(adapters, this, type);
        return adapters;
    }
}
