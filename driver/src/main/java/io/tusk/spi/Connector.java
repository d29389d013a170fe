package io.tusk.spi;

import io.tusk.Connection;
import io.tusk.async.AsyncConnection;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Opens connections: the driver's implementation behind {@code Tusk.connect} and
 * {@code AsyncConnection.connect}, found through {@link Services#connector()}.
 * A service-provider interface implemented inside the driver; not for applications.
 */
public interface Connector {
    /** A blocking connection from a connection string and parameters that override it (null removes one). */
    Connection connect(String conninfo, Map<String, ?> parameters);

    /** An asynchronous connection whose futures complete on {@code executor}. */
    CompletionStage<AsyncConnection> connectAsync(String conninfo, Map<String, ?> parameters, Executor executor);
}
