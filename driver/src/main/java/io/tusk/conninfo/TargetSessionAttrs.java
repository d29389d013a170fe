package io.tusk.conninfo;

/**
 * The {@code target_session_attrs} connection parameter: which kind of server of a host list is
 * acceptable (PostgreSQL docs, "Parameter Key Words"). The driver tries the hosts in order and
 * keeps the first whose state matches, checking {@code in_hot_standby} and
 * {@code default_transaction_read_only}.
 *
 * <pre>{@code
 * Conninfo.parse("host=db1,db2 target_session_attrs=read-write").resolve().targetSessionAttrs();  // READ_WRITE
 * }</pre>
 *
 * <p>The default is {@link #ANY}.
 */
public enum TargetSessionAttrs {
    /** Any successful connection. The default. */
    ANY("any"),
    /** A session that accepts read-write transactions by default. */
    READ_WRITE("read-write"),
    /** A session that does not accept read-write transactions by default. */
    READ_ONLY("read-only"),
    /** A server not in hot standby. */
    PRIMARY("primary"),
    /** A server in hot standby. */
    STANDBY("standby"),
    /** A standby if one of the hosts is; else, on a second pass, any server. */
    PREFER_STANDBY("prefer-standby");

    private final String value;

    TargetSessionAttrs(String value) {
        this.value = value;
    }

    /** The parameter value as libpq spells it, e.g. {@code "prefer-standby"}. */
    public String value() {
        return value;
    }

    /**
     * The constant for a parameter value as libpq spells it.
     *
     * @throws io.tusk.errors.ProgrammingException for a value libpq does not accept
     */
    public static TargetSessionAttrs of(String value) {
        for (TargetSessionAttrs constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        Params.check("target_session_attrs", value, ""); // throws, naming the accepted values
        throw new AssertionError("the parameter table accepts " + value);
    }
}
