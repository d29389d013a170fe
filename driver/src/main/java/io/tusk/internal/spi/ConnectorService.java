package io.tusk.internal.spi;

import io.tusk.Connection;
import io.tusk.async.AsyncConnection;
import io.tusk.conninfo.Environment;
import io.tusk.internal.connection.AsyncConnectionImpl;
import io.tusk.internal.connection.Connections;
import io.tusk.spi.Connector;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** The driver's {@link Connector}: the blocking and the asynchronous connection openers. */
public final class ConnectorService implements Connector {
    @Override
    public Connection connect(String conninfo, Map<String, ?> parameters) {
        return Connections.open(conninfo, parameters, Environment.system());
    }

    @Override
    public CompletionStage<AsyncConnection> connectAsync(String conninfo, Map<String, ?> parameters, Executor executor) {
        return AsyncConnectionImpl.open(conninfo, parameters, executor);
    }
}
