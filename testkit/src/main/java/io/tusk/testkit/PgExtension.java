package io.tusk.testkit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link PgTest}: resolves {@link PgServer}, {@link TestDatabase}
 * and {@link Admin} parameters of test constructors, test methods and lifecycle methods.
 *
 * <p>Example: {@code @ExtendWith(PgExtension.class) class MyIT { @Test void t(PgServer pg) { ... } }}
 *
 * <p>{@link TestDatabase} is the class's fresh database when the class (or an enclosing class) is
 * annotated {@link FreshDatabase}, else the shared one. A fresh database lives in the JUnit store
 * of the annotated class, so JUnit drops it when that class is done, even when tests failed.
 */
public final class PgExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PgExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PgServer.class || type == TestDatabase.class || type == Admin.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        PgServer server;
        try {
            server = PgServer.get();
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("The PostgreSQL test server is not available: " + e.getMessage(), e);
        }
        if (type == PgServer.class) {
            return server;
        }
        TestDatabase db = database(server, context);
        return type == TestDatabase.class ? db : db.admin();
    }

    private static TestDatabase database(PgServer server, ExtensionContext context) {
        Optional<Class<?>> annotated = freshDatabaseClass(context.getRequiredTestClass());
        if (annotated.isEmpty()) {
            return server.sharedDatabase();
        }
        Class<?> owner = annotated.get();
        ExtensionContext ownerContext = context;
        while (!ownerContext.getElement().map(e -> e.equals(owner)).orElse(false)) {
            Optional<ExtensionContext> parent = ownerContext.getParent();
            if (parent.isEmpty()) {
                ownerContext = context;
                break;
            }
            ownerContext = parent.get();
        }
        FreshHolder holder = ownerContext.getStore(NAMESPACE).getOrComputeIfAbsent(owner.getName(),
                k -> new FreshHolder(server.newDatabase(owner.getSimpleName())), FreshHolder.class);
        return holder.database;
    }

    /** The class carrying {@link FreshDatabase}: the test class or one that encloses it ({@code @Nested}). */
    private static Optional<Class<?>> freshDatabaseClass(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            AnnotatedElement element = c;
            if (element.isAnnotationPresent(FreshDatabase.class)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Drops the fresh database when JUnit closes the store of its class. */
    private static final class FreshHolder implements ExtensionContext.Store.CloseableResource {
        final TestDatabase database;

        FreshHolder(TestDatabase database) {
            this.database = database;
        }

        @Override
        public void close() {
            database.server().admin().dropDatabase(database.dbname());
        }
    }
}
