package io.tusk.spi;

import io.tusk.errors.InterfaceException;
import java.util.ServiceLoader;

/**
 * Where the public API finds the driver's implementation: each service is looked up once with
 * {@link ServiceLoader}, in the class loader that loaded the service interface. That is the
 * driver jar's own loader on a class path and in an OSGi framework (the driver is one bundle,
 * whose {@code META-INF/services} its own loader reads), so the providers are always the ones
 * built with the API. Public only because the API's packages call it; not for applications.
 */
public final class Services {
    private Services() {
    }

    /** Opens connections for {@code Tusk.connect} and {@code AsyncConnection.connect}. */
    public static Connector connector() {
        return ConnectorHolder.INSTANCE;
    }

    /** The built-in adapters behind {@code io.tusk.adapt} and {@code io.tusk.sql.Literal}. */
    public static Adaptation adaptation() {
        return AdaptationHolder.INSTANCE;
    }

    static <S> S load(Class<S> service) {
        return ServiceLoader.load(service, service.getClassLoader()).findFirst()
                .orElseThrow(() -> new InterfaceException("the driver's implementation of " + service.getName()
                        + " is missing (no META-INF/services/" + service.getName() + " in the loader of the tusk-driver jar):"
                        + " use the tusk-driver jar as built, or keep META-INF/services when repackaging it"));
    }

    // One holder per service: each is loaded on first use, once, without locking afterwards.
    private static final class ConnectorHolder {
        static final Connector INSTANCE = load(Connector.class);
    }

    private static final class AdaptationHolder {
        static final Adaptation INSTANCE = load(Adaptation.class);
    }
}
