package io.tusk.jdbc.internal;

/**
 * One statement of a JDBC SQL text, as PostgreSQL runs it: its own {@code $1..$n} placeholders
 * (the extended protocol parses one statement at a time), where its parameters start among the
 * JDBC ones, and what it is.
 */
public final class SqlStatement {
    private final String sql;
    private final int parameterCount;
    private final int firstParameter;
    private final String command;
    private final String mainCommand;
    private final boolean returning;
    private final int valuesStart;
    private final int valuesEnd;
    private final int[] binds;

    SqlStatement(String sql, int parameterCount, int firstParameter, String command, String mainCommand,
            boolean returning, int valuesStart, int valuesEnd, int[] binds) {
        this.sql = sql;
        this.parameterCount = parameterCount;
        this.firstParameter = firstParameter;
        this.command = command;
        this.mainCommand = mainCommand;
        this.returning = returning;
        this.valuesStart = valuesStart;
        this.valuesEnd = valuesEnd;
        this.binds = binds;
    }

    /** The SQL to send, placeholders {@code $1..$parameterCount()}. */
    public String sql() {
        return sql;
    }

    /** How many placeholders this statement has. */
    public int parameterCount() {
        return parameterCount;
    }

    /**
     * How many JDBC parameters the statements before this one used: this statement's {@code $k}
     * is JDBC parameter {@code firstParameter() + k}.
     */
    public int firstParameter() {
        return firstParameter;
    }

    /** The statement's first keyword, upper case ({@code SELECT}, {@code WITH}, {@code CALL}, ...). */
    public String command() {
        return command;
    }

    /**
     * What the statement does: its first keyword, except for {@code WITH ... INSERT/UPDATE/DELETE/
     * MERGE/SELECT}, where it is the keyword of the main statement after the common table
     * expressions.
     */
    public String mainCommand() {
        return mainCommand;
    }

    /** Whether this is an {@code INSERT} (also {@code WITH ... INSERT}). */
    public boolean isInsert() {
        return mainCommand.equals("INSERT");
    }

    /** Whether the statement has its own top-level {@code RETURNING} clause. */
    public boolean hasReturning() {
        return returning;
    }

    /**
     * Whether {@link #rewriteInsert(int)} can turn this into a multi-row insert: an
     * {@code INSERT ... VALUES (...)} whose placeholders all sit in the {@code VALUES} tuples.
     */
    public boolean isRewritableInsert() {
        return valuesStart >= 0;
    }

    /**
     * This {@code INSERT ... VALUES (...)} with its tuples repeated {@code rows} times, the
     * placeholders of row {@code r} (0-based) numbered from {@code r * parameterCount() + 1}: one
     * statement that inserts a batch of {@code rows} parameter sets.
     */
    public String rewriteInsert(int rows) {
        if (!isRewritableInsert()) {
            throw new IllegalStateException("not a rewritable INSERT ... VALUES: " + sql);
        }
        int blockLength = valuesEnd - valuesStart;
        StringBuilder b = new StringBuilder(sql.length() + (blockLength + 4 * parameterCount + 1) * (rows - 1));
        b.append(sql, 0, valuesEnd);
        for (int r = 1; r < rows; r++) {
            b.append(',');
            int from = valuesStart;
            for (int k = 0; k < binds.length; k++) {
                int at = binds[k];
                b.append(sql, from, at).append('$').append(r * parameterCount + k + 1);
                from = at + 1 + digits(k + 1);
            }
            b.append(sql, from, valuesEnd);
        }
        return b.append(sql, valuesEnd, sql.length()).toString();
    }

    private static int digits(int n) {
        int d = 1;
        while (n >= 10) {
            n /= 10;
            d++;
        }
        return d;
    }

    @Override
    public String toString() {
        return sql;
    }
}
