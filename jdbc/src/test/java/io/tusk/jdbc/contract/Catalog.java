package io.tusk.jdbc.contract;

import java.util.ArrayList;
import java.util.List;

/** Collects behaviours as they are written: {@code group(..).on(name, probe).expect(obs)}. */
final class Catalog {
    final List<Behaviour> all = new ArrayList<>();
    private String group = "?";
    private Behaviour last;

    Catalog group(String g) {
        group = g;
        return this;
    }

    /** A behaviour on the shared connection of each driver. */
    Catalog on(String name, Behaviour.Probe probe) {
        return add(new Behaviour(group, name, false, probe));
    }

    /** A behaviour that changes session state: each driver runs it on a new connection. */
    Catalog fresh(String name, Behaviour.Probe probe) {
        return add(new Behaviour(group, name, true, probe));
    }

    /** pgjdbc's observation, stated by hand (the reference must itself be right). */
    Catalog expect(String observation) {
        last.expected = observation;
        return this;
    }

    /** Tusk differs from pgjdbc on purpose (the caller says why): this is Tusk's reference instead. */
    Catalog tuskExpect(String observation) {
        last.tuskExpected = observation;
        return this;
    }

    /** On Tusk the failure must also be an instance of this JDBC 4 SQLException subclass. */
    Catalog tuskThrows(Class<? extends Throwable> type) {
        last.tuskThrows = type;
        return this;
    }

    private Catalog add(Behaviour b) {
        for (Behaviour o : all) {
            if (o.title().equals(b.title())) {
                throw new IllegalStateException("two behaviours named " + b.title());
            }
        }
        all.add(b);
        last = b;
        return this;
    }
}
