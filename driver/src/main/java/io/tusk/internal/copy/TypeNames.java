package io.tusk.internal.copy;

import io.tusk.errors.ProgrammingException;
import java.util.Locale;
import java.util.Map;

/**
 * The OIDs of PostgreSQL's built-in types by name (pg_type.typname and the SQL spellings), for
 * {@code Copy.setTypes(String...)} when the adapters map does not know the name: a COPY holds
 * the connection, so the catalog cannot be asked in the middle of it.
 */
final class TypeNames {
    private static final Map<String, Integer> OIDS = Map.ofEntries(
            Map.entry("bool", 16), Map.entry("boolean", 16),
            Map.entry("bytea", 17),
            Map.entry("char", 18),
            Map.entry("name", 19),
            Map.entry("int8", 20), Map.entry("bigint", 20),
            Map.entry("int2", 21), Map.entry("smallint", 21),
            Map.entry("int4", 23), Map.entry("integer", 23), Map.entry("int", 23),
            Map.entry("text", 25),
            Map.entry("oid", 26),
            Map.entry("json", 114),
            Map.entry("float4", 700), Map.entry("real", 700),
            Map.entry("float8", 701), Map.entry("double precision", 701),
            Map.entry("bpchar", 1042), Map.entry("character", 1042),
            Map.entry("varchar", 1043), Map.entry("character varying", 1043),
            Map.entry("date", 1082),
            Map.entry("time", 1083), Map.entry("time without time zone", 1083),
            Map.entry("timestamp", 1114), Map.entry("timestamp without time zone", 1114),
            Map.entry("timestamptz", 1184), Map.entry("timestamp with time zone", 1184),
            Map.entry("interval", 1186),
            Map.entry("timetz", 1266), Map.entry("time with time zone", 1266),
            Map.entry("numeric", 1700), Map.entry("decimal", 1700),
            Map.entry("uuid", 2950),
            Map.entry("jsonb", 3802));

    private TypeNames() {
    }

    static int builtinOid(String name) {
        Integer oid = OIDS.get(name.trim().toLowerCase(Locale.ROOT));
        if (oid == null) {
            throw new ProgrammingException("unknown type name \"" + name + "\" for COPY: give its OID to setTypes(int...)"
                    + " (SELECT '" + name.replace("'", "''") + "'::regtype::oid), or register the name in the adapters");
        }
        return oid;
    }
}
