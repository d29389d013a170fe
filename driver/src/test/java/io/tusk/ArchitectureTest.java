package io.tusk;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The driver's layers, checked on its compiled classes ({@link PackageGraph} reads every class
 * file under {@code target/classes}, so any package that exists is checked, and a dependency is
 * anything a class file names: code, field and method types, generic signatures, annotations).
 *
 * <p>The layers, bottom up:
 * <ol>
 * <li>{@code io.tusk.errors}: the exceptions; depends on no other driver package.
 * <li>{@code io.tusk.internal.protocol[.*]}: the sans-I/O protocol; depends on nothing in the
 *     driver but itself and {@code io.tusk.errors} (no API package, however indirectly).
 * <li>The public API: every package outside {@code io.tusk.internal}. It depends on no
 *     internal class. Where it needs the implementation it goes through the service-provider
 *     interfaces of {@code io.tusk.spi} ({@code Services.connector()},
 *     {@code Services.adaptation()}, {@code DescribedColumns}), implemented in
 *     {@code io.tusk.internal.spi} and found with {@link java.util.ServiceLoader}
 *     ({@code META-INF/services}).
 * <li>The rest of {@code io.tusk.internal}: may use the API and the layers below it.
 * </ol>
 * and the package graph has no cycle, except among the public packages in {@link #API_CORE},
 * which name each other in their signatures.
 *
 * <h2>Reading a failure</h2>
 * <ul>
 * <li><b>"packages in a cycle"</b>: one block per strongly connected set of packages (every
 *     package in it reaches every other). Below it, the package edges inside the set, the
 *     lightest first (fewest class references: usually the one to cut), each with the class
 *     pairs {@code a.B -> c.D} that make it. Cut a cycle by moving the class to the package it
 *     belongs to, by inverting the dependency with an interface in the lower package, or (from
 *     the API) with a service interface in {@code io.tusk.spi}. {@link #KNOWN_CYCLES} lists the
 *     cycles not yet taken apart; once one is gone the test says its entry is stale: delete it.
 * <li><b>"the API uses internal classes"</b>: each line names a public class and the internal
 *     class it uses. Give the API an {@code io.tusk.spi} interface (or add a method to
 *     {@code Adaptation}/{@code Connector}), implement it in {@code io.tusk.internal.spi}, list it
 *     in {@code src/main/resources/META-INF/services}, and call it through {@code Services}.
 * <li><b>"these class references leave that layer"</b>: each line is a package edge out of the
 *     protocol layer (or out of {@code io.tusk.errors}), what it then reaches, and the class pairs
 *     that make it: move the code above the protocol layer (as {@code RowLoading} loads kept rows
 *     with the API's loaders), or pass plain values down instead of API types.
 * <li><b>"packages without package-info.java"</b>: add one saying what the package holds and
 *     what it may depend on.
 * </ul>
 */
class ArchitectureTest {
    private static final String INTERNAL = "io.tusk.internal";
    private static final String PROTOCOL = "io.tusk.internal.protocol";
    private static final String ERRORS = "io.tusk.errors";

    /**
     * Public packages that name each other in their signatures, so they cannot be layered without
     * changing the API: {@code Connection.adapters()} is an {@code AdaptersMap} and
     * {@code TypeInfo.fetch} takes a {@code Connection}; {@code Connection.cursor(RowFactory)} and
     * {@code RowFactory} takes {@code Column}s; {@code Connection.execute(Composable)} and
     * {@code Composable.asString(Connection)}; {@code Tusk.connectAsync} and
     * {@code AsyncConnection.xid}; the SPI names the API and the API calls it. psycopg's API has
     * the same shape. A cycle among these is allowed; one that takes in any other package is not.
     */
    static final Set<String> API_CORE = Set.of("io.tusk", "io.tusk.adapt", "io.tusk.async", "io.tusk.rows",
            "io.tusk.sql", "io.tusk.spi");

    /**
     * Cycles inside the implementation that are not taken apart yet, each with what removes it. A
     * strongly connected set of packages passes when it lies within one entry, so a package that
     * joins the cycle fails the test (better cut the new edge than widen the entry). An entry whose
     * packages no longer form a cycle fails the test as stale, so that this list only shrinks.
     */
    static final List<Set<String>> KNOWN_CYCLES = List.of(
            // Connections, cursors and the features they open (COPY, streams, pipelines, large
            // objects, transactions, pools, the async front end) call each other; the one-protocol-
            // core work (exchanges driven by both front ends, one rules layer) takes this apart.
            Set.of("io.tusk.internal.async", "io.tusk.internal.connection", "io.tusk.internal.copy",
                    "io.tusk.internal.cursor", "io.tusk.internal.largeobject", "io.tusk.internal.notify",
                    "io.tusk.internal.pipeline", "io.tusk.internal.pool", "io.tusk.internal.servercursor",
                    "io.tusk.internal.stream", "io.tusk.internal.tx", "io.tusk.pool"));

    /**
     * Public classes still reaching into the implementation: the pool façades hold the pool
     * engines directly while those are being rewritten into one state machine; they go through
     * an {@code io.tusk.spi} service once that engine has its final shape.
     */
    static final Set<String> KNOWN_API_TO_INTERNAL = Set.of("io.tusk.pool.ConnectionPool",
            "io.tusk.pool.AsyncConnectionPool", "io.tusk.pool.PoolBuilder", "io.tusk.pool.NullConnectionPool", "io.tusk.pool.PoolFacade");

    private static PackageGraph graph;

    @BeforeAll
    static void readClasses() throws URISyntaxException {
        Path classes = Path.of(Tusk.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        graph = PackageGraph.read(classes, "io.tusk.");
        assertTrue(graph.classes().contains(Tusk.class.getName()), "the driver's classes were not found under " + classes);
    }

    static boolean isInternal(String pkg) {
        return pkg.equals(INTERNAL) || pkg.startsWith(INTERNAL + ".");
    }

    static boolean isProtocol(String pkg) {
        return pkg.equals(PROTOCOL) || pkg.startsWith(PROTOCOL + ".");
    }

    @Test
    void packagesFormNoCycle() {
        String report = cycleReport(graph);
        if (report != null) {
            fail(report);
        }
    }

    /** What is wrong with the cycles of {@code g}, or null when nothing is. */
    static String cycleReport(PackageGraph g) {
        List<Set<String>> cycles = g.cycles();
        StringBuilder out = new StringBuilder();
        Map<String, Map<String, List<String>>> edges = g.packageEdges();
        for (Set<String> cycle : cycles) {
            if (API_CORE.containsAll(cycle) || KNOWN_CYCLES.stream().anyMatch(k -> k.containsAll(cycle))) {
                continue;
            }
            out.append("\n").append(cycle.size()).append(" packages in a cycle: ").append(cycle)
                    .append("\n  edges inside it, lightest first:");
            List<String[]> inside = new ArrayList<>();
            for (String p : cycle) {
                edges.get(p).forEach((q, pairs) -> {
                    if (cycle.contains(q)) {
                        inside.add(new String[] {p, q});
                    }
                });
            }
            inside.sort(Comparator.comparingInt((String[] e) -> edges.get(e[0]).get(e[1]).size()));
            for (String[] e : inside) {
                List<String> pairs = edges.get(e[0]).get(e[1]);
                out.append("\n    ").append(e[0]).append(" -> ").append(e[1]).append(" (").append(pairs.size())
                        .append("): ").append(String.join(", ", pairs.subList(0, Math.min(6, pairs.size()))))
                        .append(pairs.size() > 6 ? ", ..." : "");
            }
        }
        for (Set<String> known : KNOWN_CYCLES) {
            if (cycles.stream().noneMatch(c -> c.stream().filter(known::contains).count() > 1)) {
                out.append("\nKNOWN_CYCLES entry ").append(new TreeSet<>(known))
                        .append(" is stale: those packages no longer form a cycle, delete the entry");
            }
        }
        return out.length() == 0 ? null : "the driver's packages must not depend on each other in a cycle:" + out;
    }

    @Test
    void theApiUsesNoInternalClass() {
        String report = apiToInternalReport(graph);
        if (report != null) {
            fail(report);
        }
    }

    static String apiToInternalReport(PackageGraph g) {
        List<String> offences = new ArrayList<>();
        Set<String> stillNeeded = new TreeSet<>();
        for (String c : g.classes()) {
            if (isInternal(PackageGraph.packageOf(c))) {
                continue;
            }
            for (String used : g.uses(c)) {
                if (isInternal(PackageGraph.packageOf(used))) {
                    if (KNOWN_API_TO_INTERNAL.contains(c)) {
                        stillNeeded.add(c);
                    } else {
                        offences.add(c + " -> " + used);
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        if (!offences.isEmpty()) {
            out.append("the API uses internal classes (go through an io.tusk.spi service instead):\n    ")
                    .append(String.join("\n    ", offences));
        }
        Set<String> stale = new TreeSet<>(KNOWN_API_TO_INTERNAL);
        stale.removeAll(stillNeeded);
        if (!stale.isEmpty()) {
            out.append("\nKNOWN_API_TO_INTERNAL lists classes that no longer use internals, delete them: ").append(stale);
        }
        return out.length() == 0 ? null : out.toString();
    }

    @Test
    void theProtocolLayerDependsOnNoApiPackageButErrors() {
        String report = protocolReport(graph);
        if (report != null) {
            fail(report);
        }
    }

    /**
     * The edges that leave the allowed set: from {@code io.tusk.errors} to any driver package, and
     * from a protocol package to anything but the protocol and {@code io.tusk.errors}. Whatever the
     * layer reaches beyond, it reaches through one of these, so they are the links to cut.
     */
    static String protocolReport(PackageGraph g) {
        StringBuilder out = new StringBuilder();
        g.packageEdges().forEach((p, targets) -> {
            if (!isProtocol(p) && !p.equals(ERRORS)) {
                return;
            }
            targets.forEach((q, pairs) -> {
                boolean allowed = !p.equals(ERRORS) && (isProtocol(q) || q.equals(ERRORS));
                if (!allowed) {
                    out.append("\n    ").append(p).append(" -> ").append(q).append(" (so the layer reaches ")
                            .append(reached(g, q)).append("): ").append(String.join(", ", pairs));
                }
            });
        });
        return out.length() == 0 ? null
                : "io.tusk.errors depends on no driver package, and io.tusk.internal.protocol.* only on itself and"
                        + " io.tusk.errors; these class references leave that layer:" + out;
    }

    private static Set<String> reached(PackageGraph g, String from) {
        Set<String> out = new TreeSet<>(g.reachableFrom(from));
        out.add(from);
        out.removeIf(ArchitectureTest::isProtocol);
        return out;
    }

    @Test
    void everyPackageHasAPackageInfo() {
        Path sources = Path.of("src", "main", "java");
        Path generated = Path.of("target", "generated-sources", "errors");
        if (!Files.isDirectory(sources)) {
            return; // run outside the module's folder: nothing to look at
        }
        List<String> missing = graph.packages().stream()
                .filter(p -> {
                    String file = p.replace('.', '/') + "/package-info.java";
                    return !Files.exists(sources.resolve(file)) && !Files.exists(generated.resolve(file));
                })
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            fail("packages without package-info.java (say what the package holds and what it may depend on): " + missing);
        }
    }
}
