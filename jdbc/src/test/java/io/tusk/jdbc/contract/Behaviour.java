package io.tusk.jdbc.contract;

/**
 * One JDBC behaviour of the contract: a small piece of JDBC code ({@link Probe}) that both drivers
 * run, and what its observation must be.
 *
 * <p>{@code fresh} behaviours change session state (autocommit, isolation, schema, closing the
 * connection...) and get a connection of their own; the others share one per driver.
 * {@code expected} is pgjdbc's observation stated by hand, so a behaviour fails even when both
 * drivers are wrong the same way. {@code tuskThrows} is what Tusk adds on purpose: for a server
 * error it throws the JDBC 4 subclass for the SQLSTATE class where pgjdbc throws a plain
 * PSQLException, so that part is checked on Tusk's side only. {@code tuskExpected} replaces pgjdbc's
 * observation as the reference where pgjdbc is itself wrong or narrower than the issue asks (each
 * use says why).
 */
final class Behaviour {
    /** JDBC code run against one driver; returns what a user could observe (see {@link Obs}). */
    @FunctionalInterface
    interface Probe {
        Object run(Ctx x) throws Exception;
    }

    final String group;
    final String name;
    final boolean fresh;
    final Probe probe;
    String expected;
    Class<? extends Throwable> tuskThrows;
    /** Where Tusk differs from pgjdbc on purpose: Tusk's observation must be this instead of pgjdbc's. */
    String tuskExpected;

    Behaviour(String group, String name, boolean fresh, Probe probe) {
        this.group = group;
        this.name = name;
        this.fresh = fresh;
        this.probe = probe;
    }

    String title() {
        return group + ": " + name;
    }
}
