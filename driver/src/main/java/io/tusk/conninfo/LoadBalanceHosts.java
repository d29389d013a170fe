package io.tusk.conninfo;

/**
 * The {@code load_balance_hosts} connection parameter: the order in which the hosts of a host list
 * (and the addresses of each host name) are tried.
 *
 * <pre>{@code
 * ConnectionSettings s = Conninfo.parse("host=db1,db2,db3 load_balance_hosts=random").resolve();
 * s.loadBalanceHosts();                     // RANDOM
 * s.connectionOrder(new java.util.Random()); // the three hosts, shuffled
 * }</pre>
 *
 * <p>The default is {@link #DISABLE}.
 */
public enum LoadBalanceHosts {
    /** In the order given. The default. */
    DISABLE("disable"),
    /** In a random order, to spread connections over the servers. */
    RANDOM("random");

    private final String value;

    LoadBalanceHosts(String value) {
        this.value = value;
    }

    /** The parameter value as libpq spells it, e.g. {@code "random"}. */
    public String value() {
        return value;
    }

    /**
     * The constant for a parameter value as libpq spells it.
     *
     * @throws io.tusk.errors.ProgrammingException for a value libpq does not accept
     */
    public static LoadBalanceHosts of(String value) {
        for (LoadBalanceHosts constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        Params.check("load_balance_hosts", value, ""); // throws, naming the accepted values
        throw new AssertionError("the parameter table accepts " + value);
    }
}
