package io.tusk.jca.outbound;

import io.tusk.Connection;
import io.tusk.errors.OperationalException;
import io.tusk.jca.TuskConnectionFactory;
import io.tusk.jca.TuskManagedConnectionFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;

/**
 * The {@link TuskConnectionFactory} the application server binds in JNDI: asks its
 * {@code ConnectionManager} (the server's pool, or {@link DefaultConnectionManager}) for a handle.
 *
 * <pre>{@code
 * Connection conn = ((TuskConnectionFactory) new InitialContext().lookup("java:/tusk/app")).getConnection();
 * }</pre>
 */
public final class TuskConnectionFactoryImpl implements TuskConnectionFactory {
    private static final long serialVersionUID = 1L;

    private final TuskManagedConnectionFactory mcf;
    private final ConnectionManager cm;
    private Reference reference;

    public TuskConnectionFactoryImpl(TuskManagedConnectionFactory mcf, ConnectionManager cm) {
        this.mcf = mcf;
        this.cm = cm;
    }

    @Override
    public Connection getConnection() {
        try {
            return (Connection) cm.allocateConnection(mcf, null);
        } catch (ResourceException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new OperationalException("no Tusk connection could be had from " + mcf + ": " + e.getMessage(), cause);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }

    @Override
    public String toString() {
        return "TuskConnectionFactory[" + mcf + "]";
    }
}
