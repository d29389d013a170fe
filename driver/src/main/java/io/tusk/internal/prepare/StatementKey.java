package io.tusk.internal.prepare;

import java.util.Arrays;

/**
 * What makes two executions "the same query" for the statement cache: the SQL sent (with
 * {@code $n} placeholders) and the parameter type OIDs of its Parse, as psycopg's
 * {@code PrepareManager.key} (query, types). The same text with other parameter types is
 * another statement on the server, so it is another key.
 */
public final class StatementKey {
    private final String sql;
    private final int[] oids;
    private final int hash;

    public StatementKey(String sql, int[] oids) {
        this.sql = sql;
        this.oids = oids.clone();
        this.hash = sql.hashCode() * 31 + Arrays.hashCode(oids);
    }

    public String sql() {
        return sql;
    }

    public int[] oids() {
        return oids.clone();
    }

    /** True when this is the key of {@code sql} with parameter types {@code oids}. */
    public boolean matches(String sql, int[] oids) {
        return (this.sql == sql || this.sql.equals(sql)) && Arrays.equals(this.oids, oids);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatementKey k && hash == k.hash && sql.equals(k.sql) && Arrays.equals(oids, k.oids);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "StatementKey[" + sql + ", " + Arrays.toString(oids) + "]";
    }
}
