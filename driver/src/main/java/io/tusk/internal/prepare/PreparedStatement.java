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
        this.description = d;
        this.described = true;
    }

    @Override
    public String toString() {
        return "PreparedStatement[" + name + "]";
    }
}
