package io.tusk.adapt;

import io.tusk.spi.Services;
import java.util.HashMap;
import java.util.Map;

/**
 * The dumpers and loaders in force: psycopg's {@code AdaptersMap}. Maps are layered — global,
 * then per connection, then per cursor — each starting as a view of its parent and copying
 * only what it changes (copy on write), so registering on a cursor never affects the
 * connection.
 *
 * <pre>{@code
 * AdaptersMap mine = AdaptersMap.global().child();
 * mine.registerLoader("numeric", Format.BINARY, Loaders.numericAsDouble(Format.BINARY));
 * mine.registerDumper(Money.class, Format.TEXT, moneyDumper);
 * }</pre>
 */
public final class AdaptersMap {
    private static final AdaptersMap GLOBAL = new AdaptersMap(null);

    private final AdaptersMap parent;
    private final Map<DumperKey, Dumper<?>> dumpers = new HashMap<>();
    private final Map<LoaderKey, Loader<?>> loaders = new HashMap<>();
    private final Map<String, Integer> typeOids = new HashMap<>();
    private final Map<Integer, TypeInfo> types = new HashMap<>();
    private final Map<Integer, TypeInfo> arrayTypes = new HashMap<>();

    private record DumperKey(Class<?> type, Format format) {
    }

    private record LoaderKey(int oid, Format format) {
    }

    private AdaptersMap(AdaptersMap parent) {
        this.parent = parent;
    }

    /** The map every connection starts from; the built-in adapters are registered in it. */
    public static AdaptersMap global() {
        Services.adaptation().registerBuiltins();
        return GLOBAL;
    }

    /** A new layer on top of this one. */
    public AdaptersMap child() {
        return new AdaptersMap(this);
    }

    /**
     * Registers a dumper for a class (and its subclasses) in a format. As in psycopg, the dumper
     * registered last for a class in TEXT or BINARY also becomes its AUTO ({@code %s}) choice.
     */
    public synchronized <T> AdaptersMap registerDumper(Class<T> type, Format format, Dumper<? super T> dumper) {
        GENERATION.incrementAndGet();
        dumpers.put(new DumperKey(type, format), dumper);
        if (format != Format.AUTO) {
            dumpers.put(new DumperKey(type, Format.AUTO), dumper);
        }
        return this;
    }

    /** Registers a dumper in its own format (and as the AUTO choice for the class). */
    public <T> AdaptersMap registerDumper(Class<T> type, Dumper<? super T> dumper) {
        return registerDumper(type, dumper.format(), dumper);
    }

    /** Registers a loader for a type OID in a format, for the results this map applies to. */
    public synchronized AdaptersMap registerLoader(int oid, Format format, Loader<?> loader) {
        GENERATION.incrementAndGet();
        loaders.put(new LoaderKey(oid, format), loader);
        return this;
    }

    /** Registers a loader by type name; the name must be known ({@link #registerTypeName}). */
    public AdaptersMap registerLoader(String typeName, Format format, Loader<?> loader) {
        Integer oid = oidOf(typeName);
        if (oid == null) {
            throw new IllegalArgumentException("unknown type \"" + typeName + "\": fetch its TypeInfo first");
        }
        return registerLoader(oid, format, loader);
    }

    /** Makes a type name (e.g. from {@code TypeInfo}) usable in {@link #registerLoader(String, Format, Loader)}. */
    public synchronized AdaptersMap registerTypeName(String typeName, int oid) {
        typeOids.put(typeName, oid);
        return this;
    }

    /**
     * Records what is known of a type fetched from the catalog (psycopg's {@code adapters.types}):
     * its name and its array's name become usable in {@link #registerLoader(String, Format, Loader)},
     * and containers find its array type and delimiter here. {@link TypeInfo#register} calls it.
     */
    public synchronized AdaptersMap registerType(TypeInfo info) {
        GENERATION.incrementAndGet();
        types.put(info.oid(), info);
        typeOids.put(info.name(), info.oid());
        typeOids.put(info.regtype(), info.oid());
        if (info.arrayOid() != 0) {
            arrayTypes.put(info.arrayOid(), info);
            typeOids.put(info.name() + "[]", info.arrayOid());
            typeOids.put(info.regtype() + "[]", info.arrayOid());
        }
        return this;
    }

    /** The TypeInfo registered for an OID, in this map and then its parents; null when none. */
    public TypeInfo typeInfo(int oid) {
        for (AdaptersMap m = this; m != null; m = m.parent) {
            TypeInfo t;
            synchronized (m) {
                t = m.types.get(oid);
            }
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** The registered multirange types whose subtype is {@code subtypeOid}, nearest layer first; null when none. */
    public MultirangeInfo multirangeOf(int subtypeOid) {
        for (AdaptersMap m = this; m != null; m = m.parent) {
            synchronized (m) {
                for (TypeInfo t : m.types.values()) {
                    if (t instanceof MultirangeInfo r && r.subtypeOid() == subtypeOid) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    /** The TypeInfo of the element type of a registered array OID; null when none. */
    public TypeInfo typeInfoOfArray(int arrayOid) {
        for (AdaptersMap m = this; m != null; m = m.parent) {
            TypeInfo t;
            synchronized (m) {
                t = m.arrayTypes.get(arrayOid);
            }
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** The registered range types whose subtype is {@code subtypeOid}, nearest layer first; null when none. */
    public RangeInfo rangeOf(int subtypeOid) {
        for (AdaptersMap m = this; m != null; m = m.parent) {
            synchronized (m) {
                for (TypeInfo t : m.types.values()) {
                    if (t instanceof RangeInfo r && r.subtypeOid() == subtypeOid) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    /** The OID registered for a type name, in this map and then its parents; null when unknown. */
    public synchronized Integer oidOf(String typeName) {
        Integer oid = typeOids.get(typeName);
        return oid != null || parent == null ? oid : parent.oidOf(typeName);
    }

    /**
     * The dumper for a class in a format, looking at the class, then its superclasses and
     * interfaces, in this map and then its parents; null when none is registered.
     */
    @SuppressWarnings("unchecked")
    public <T> Dumper<? super T> dumper(Class<T> type, Format format) {
        // Resolving walks the class's supertypes in every layer; parameters of the same classes
        // come again and again (executemany, pipelines), so each layer caches what it resolved.
        // Any registration anywhere bumps GENERATION, which empties the caches on next use.
        long generation = GENERATION.get();
        if (generation != resolvedGeneration) {
            resolved.clear();
            resolvedGeneration = generation;
        }
        Dumper<?>[] byFormat = resolved.get(type);
        Dumper<?> d = byFormat == null ? null : byFormat[format.ordinal()];
        if (d == null) {
            d = lookupDumper(type, format);
            if (d == null && parent != null) {
                d = parent.dumper(type, format);
            }
            if (GENERATION.get() == generation) {
                resolved.computeIfAbsent(type, k -> new Dumper<?>[Format.values().length])[format.ordinal()] =
                        d == null ? NO_DUMPER : d;
            }
        }
        return d == NO_DUMPER ? null : (Dumper<? super T>) d;
    }

    /**
     * A number that changes with every registration of a dumper, loader or type in any map:
     * what was resolved from the maps (a prepared statement's loaders, say) stays valid while it
     * is the same.
     */
    public static long registrations() {
        return GENERATION.get();
    }

    /** Bumped by every registration in any map (see {@link #dumper} and {@link #registrations}). */
    private static final java.util.concurrent.atomic.AtomicLong GENERATION = new java.util.concurrent.atomic.AtomicLong();
    /** Cached "no dumper" answer. */
    private static final Dumper<Object> NO_DUMPER = new Dumper<>() {
        @Override
        public int oid() {
            return 0;
        }

        @Override
        public Format format() {
            return Format.TEXT;
        }

        @Override
        public byte[] dump(Object value) {
            throw new IllegalStateException("no dumper");
        }
    };
    private final java.util.concurrent.ConcurrentHashMap<Class<?>, Dumper<?>[]> resolved = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long resolvedGeneration = -1;

    private synchronized Dumper<?> lookupDumper(Class<?> type, Format format) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Dumper<?> d = dumpers.get(new DumperKey(c, format));
            if (d != null) {
                return d;
            }
            for (Class<?> i : c.getInterfaces()) {
                d = dumpers.get(new DumperKey(i, format));
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /** The loader for a type OID in a format, in this map and then its parents; null when none. */
    public Loader<?> loader(int oid, Format format) {
        for (AdaptersMap m = this; m != null; m = m.parent) {
            Loader<?> l;
            synchronized (m) {
                l = m.loaders.get(new LoaderKey(oid, format));
            }
            if (l != null) {
                return l;
            }
        }
        return null;
    }
}
