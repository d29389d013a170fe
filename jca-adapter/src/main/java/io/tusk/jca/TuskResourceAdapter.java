package io.tusk.jca;

import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import javax.transaction.xa.XAResource;

/**
 * The resource adapter instance the application server makes once per deployed {@code .rar}
 * (Jakarta Connectors 2.1, chapter 5 "Resource Adapter Lifecycle"); it holds no state of its own:
 * connections are configured on {@link TuskManagedConnectionFactory}.
 *
 * <pre>{@code
 * <resourceadapter-class>io.tusk.jca.TuskResourceAdapter</resourceadapter-class>
 * }</pre>
 *
 * <p>Inbound messaging (LISTEN/NOTIFY as message endpoints) is not offered yet. Crash recovery
 * needs nothing from here: the server asks each connection definition's managed connection
 * factory for an {@code XAResource} with the recovery credentials.
 */
public final class TuskResourceAdapter implements ResourceAdapter, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public void start(BootstrapContext ctx) {
        // Nothing to start: every connection is opened on demand by a managed connection factory.
    }

    @Override
    public void stop() {
        // Pools are owned and drained by the application server.
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) throws NotSupportedException {
        throw new NotSupportedException("the Tusk resource adapter has no inbound messaging yet: "
                + "use Connection.notifies() on an outbound connection to receive notifications");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        // No endpoint was ever activated.
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0]; // no inbound endpoints, so nothing to recover from here
    }

    // The spec (5.3.1) asks resource adapter JavaBeans to define equality over their
    // properties; this one has none, so every instance is equal to another.
    @Override
    public boolean equals(Object o) {
        return o instanceof TuskResourceAdapter;
    }

    @Override
    public int hashCode() {
        return TuskResourceAdapter.class.hashCode();
    }
}
