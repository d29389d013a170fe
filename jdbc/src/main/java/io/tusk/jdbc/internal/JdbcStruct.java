package io.tusk.jdbc.internal;

import io.tusk.types.Composite;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Struct;
import java.util.List;
import java.util.Map;

/**
 * A composite value (a row type, {@code ROW(...)}) as {@link Struct}, over the
 * {@link Composite} Tusk's loaders made or the attributes given to {@code createStruct}.
 * Attributes read as {@code getObject} would read them (java.sql dates and times, Integer for
 * int2...).
 */
public final class JdbcStruct implements Struct {
    private final Composite composite;

    public JdbcStruct(Composite composite) {
        this.composite = composite;
    }

    /** The composite, for binding with Tusk's composite dumper. */
    public Composite composite() {
        return composite;
    }

    @Override
    public String getSQLTypeName() {
        return composite.typeName() == null ? "record" : composite.typeName();
    }

    @Override
    public Object[] getAttributes() {
        List<Object> values = composite.values();
        Object[] out = new Object[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = JdbcValues.toJdbc(values.get(i));
        }
        return out;
    }

    @Override
    public Object[] getAttributes(Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw new SQLFeatureNotSupportedException("Struct.getAttributes with a type map is not supported: register the"
                    + " composite with CompositeInfo on the native connection to read it as a Java record", "0A000");
        }
        return getAttributes();
    }

    @Override
    public String toString() {
        return PgText.format(composite);
    }
}
