package io.tusk.testkit.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A PostgreSQL server in a Docker container through Testcontainers' PostgreSQL module, chosen
 * with {@code -Dtusk.pg=docker}.
 *
 * <p>Example: {@code ServerHandle h = DockerServer.start("17")} runs the {@code postgres:17} image.
 *
 * <p>Testcontainers is loaded reflectively so that it is not a dependency of the kit: the
 * {@code docker} profile of tusk-testkit (activated by {@code -Dtusk.pg=docker}) adds it. The
 * container has the image's own users and no TLS, so {@code hasStandardSetup()} is false.
 * UNTESTED on the project's machines, which run no Docker engine; it follows the Testcontainers
 * 1.x API ({@code org.testcontainers.containers.PostgreSQLContainer}).
 */
public final class DockerServer {
    private static final String CONTAINER = "org.testcontainers.containers.PostgreSQLContainer";
    private static final String FACTORY = "org.testcontainers.DockerClientFactory";

    private DockerServer() {
    }

    /** Starts {@code postgres:<major>} with max_prepared_transactions on, and returns its handle. */
    public static ServerHandle start(String major) {
        ClassLoader loader = DockerServer.class.getClassLoader();
        Class<?> containerClass;
        try {
            containerClass = Class.forName(CONTAINER, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("-Dtusk.pg=docker needs Testcontainers on the test class path: build with "
                    + "-Dtusk.pg=docker (which activates the 'docker' profile of tusk-testkit) or add "
                    + "org.testcontainers:postgresql to the test dependencies; or drop -Dtusk.pg=docker to use the "
                    + "embedded server", e);
        }
        try {
            Class<?> factoryClass = Class.forName(FACTORY, true, loader);
            Object factory = factoryClass.getMethod("instance").invoke(null);
            if (!(Boolean) factoryClass.getMethod("isDockerAvailable").invoke(factory)) {
                throw new IllegalStateException("-Dtusk.pg=docker: no Docker engine answers (Testcontainers found none): "
                        + "start Docker, or drop -Dtusk.pg=docker to use the embedded server");
            }
            String image = "postgres:" + (major == null || major.isBlank() ? "17" : major.strip());
            Object container = containerClass.getConstructor(String.class).newInstance(image);
            Method withCommand = containerClass.getMethod("withCommand", String[].class);
            withCommand.invoke(container, (Object) new String[] {
                "postgres", "-c", "max_prepared_transactions=64", "-c", "max_connections=300",
                "-c", "fsync=off", "-c", "synchronous_commit=off"});
            containerClass.getMethod("start").invoke(container);
            String host = (String) containerClass.getMethod("getHost").invoke(container);
            int port = (Integer) containerClass.getMethod("getMappedPort", int.class).invoke(container, 5432);
            String user = (String) containerClass.getMethod("getUsername").invoke(container);
            String password = (String) containerClass.getMethod("getPassword").invoke(container);
            String db = (String) containerClass.getMethod("getDatabaseName").invoke(container);
            Method stop = containerClass.getMethod("stop");
            Runnable stopper = () -> {
                try {
                    stop.invoke(container);
                } catch (ReflectiveOperationException e) {
                    // Testcontainers' Ryuk removes the container anyway.
                }
            };
            return new ServerHandle(ServerHandle.Kind.DOCKER, host, port, user, password, null, db, null, null, null, stopper);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("-Dtusk.pg=docker: Testcontainers could not start PostgreSQL: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("-Dtusk.pg=docker: the Testcontainers on the class path does not have the "
                    + "1.x API the kit expects (" + e + "): use org.testcontainers:postgresql 1.x", e);
        }
    }
}
