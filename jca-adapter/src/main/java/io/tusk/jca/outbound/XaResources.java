package io.tusk.jca.outbound;

import io.tusk.Connection;
import io.tusk.xa.TuskXAResource;
import javax.transaction.xa.XAResource;

/** Makes the {@code tusk-xa} resource over a session (one place, so the adapter depends on it once). */
final class XaResources {
    private XaResources() {
    }

    static XAResource create(Connection physical) {
        return new TuskXAResource(physical);
    }
}
