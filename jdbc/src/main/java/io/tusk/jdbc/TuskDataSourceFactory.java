package io.tusk.jdbc;

import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Set;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.naming.spi.ObjectFactory;

/**
 * Makes Tusk's data sources back from the JNDI {@link Reference} their {@code getReference()}
 * gives (pgjdbc's {@code PGObjectFactory}): a naming service that stores references, not
 * objects, calls it on lookup. Each address of the reference is a property set with
 * {@link TuskBaseDataSource#setProperty}.
 */
public final class TuskDataSourceFactory implements ObjectFactory {
    private static final Set<String> CLASSES = Set.of(TuskDataSource.class.getName(),
            TuskConnectionPoolDataSource.class.getName(), TuskXADataSource.class.getName());

    /** The data source {@code obj} refers to, or null when it is not a reference to one of Tusk's (JNDI's rule for factories). */
    @Override
    public Object getObjectInstance(Object obj, Name name, Context nameCtx, Hashtable<?, ?> environment) throws Exception {
        if (!(obj instanceof Reference ref) || !CLASSES.contains(ref.getClassName())) {
            return null;
        }
        TuskBaseDataSource ds = switch (ref.getClassName()) {
            case "io.tusk.jdbc.TuskConnectionPoolDataSource" -> new TuskConnectionPoolDataSource();
            case "io.tusk.jdbc.TuskXADataSource" -> new TuskXADataSource();
            default -> new TuskDataSource();
        };
        Enumeration<RefAddr> addrs = ref.getAll();
        while (addrs.hasMoreElements()) {
            RefAddr a = addrs.nextElement();
            if (a.getContent() instanceof String value) {
                ds.setProperty(a.getType(), value);
            }
        }
        return ds;
    }
}
