package io.tusk.internal.prepare;

import io.tusk.internal.protocol.backend.RowDescription;

/**
 * A named statement the server holds for this session (protocol "Extended Query": a Parse with
 * a name), and the columns its Describe returned, cached so later executions send only
 * Bind/Execute. {@code description} is null until the Describe's answer has been read, and
 * stays null with {@code described} true for a statement that returns no rows (NoData).
 */
public final class PreparedStatement {
    private final String name;
    private volatile RowDescription description;
    private volatile boolean described;
    /** The description with the result formats last asked for: most executions ask for the same. */
    private volatile Bound bound;
    private volatile StatementCache.Decision use;

    /** A description with its format codes, for the codes it was made for. */
    private record Bound(int[] formats, RowDescription description) {
    }

    PreparedStatement(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The columns as the statement's Describe gave them (format codes all 0), or null. */
    public RowDescription description() {
        return description;
    }

    /** True once the Describe of the statement has been answered. */
    public boolean described() {
        return described;
    }

    /** Records the answer to Describe: the columns, or null for NoData. */
    public void describedAs(RowDescription d) {
        this.bound = null;
        this.description = d;
        this.described = true;
    }

    /**
     * The cached description with the format codes {@code formats} (as the Bind asked for
     * them), the same object for the same codes: what is derived from it (the cursor's
     * columns, the rows' name index) is then derived once, not per execution.
     */
    public RowDescription description(int[] formats) {
        Bound b = bound;
        if (b != null && java.util.Arrays.equals(b.formats, formats)) {
            return b.description;
        }
        RowDescription d = ResultFormats.withFormats(description, formats);
        bound = new Bound(formats.clone(), d);
        return d;
    }

    /** The cache's decision to run this statement as prepared (one object for every execution). */
    StatementCache.Decision use() {
        StatementCache.Decision d = use;
        if (d == null) {
            d = new StatementCache.Decision(StatementCache.Kind.YES, this);
            use = d;
        }
        return d;
    }

    @Override
    public String toString() {
        return "PreparedStatement[" + name + "]";
    }
}
