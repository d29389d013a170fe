package io.tusk.jdbc.internal;

import io.tusk.conninfo.Conninfo;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code Driver.getPropertyInfo}: pgjdbc's property names Tusk takes, then libpq's key words, each
 * with its value from the URL and properties (secrets never shown) and its allowed values.
 */
public final class DriverProperties {
    private DriverProperties() {
    }

    public static DriverPropertyInfo[] describe(String url, Properties info) throws SQLException {
        Map<String, String> given;
        try {
            given = JdbcUrl.rawProperties(url, info);
        } catch (SQLException e) {
            given = Map.of(); // a tool asks for the list to help write the URL: a bad one is no reason to refuse
        }
        List<DriverPropertyInfo> out = new ArrayList<>();
        for (JdbcProperties.Prop p : JdbcProperties.all()) {
            if (p.kind() == JdbcProperties.Kind.ALIAS || p.kind() == JdbcProperties.Kind.SETTING) {
                out.add(info(p.name(), given, p.description(), p.choices()));
            }
        }
        for (String key : Conninfo.keys()) {
            if (JdbcProperties.get(key) == null) {
                out.add(info(key, given, "libpq connection parameter " + key
                        + " (PostgreSQL docs, \"Parameter Key Words\")", List.of()));
            }
        }
        return out.toArray(new DriverPropertyInfo[0]);
    }

    private static DriverPropertyInfo info(String name, Map<String, String> given, String description, List<String> choices) {
        DriverPropertyInfo i = new DriverPropertyInfo(name, PropertyMapper.isSecret(name) ? null : given.get(name));
        i.description = description;
        i.required = false;
        i.choices = choices.isEmpty() ? null : choices.toArray(new String[0]);
        return i;
    }
}
