package io.tusk;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dependencies between the packages of compiled classes, read from the class files
 * themselves (JVMS 4.4, the constant pool): every class a class names, in its code, its field
 * and method descriptors, its generic signatures and its annotations. Javadoc references and
 * unused imports leave no trace in a class file, so they are not dependencies.
 * Nested classes count as their top-level class, so messages name source files.
 */
final class PackageGraph {
    /** {@code Lio/tusk/x/Y;} in a descriptor or signature, {@code Lio/tusk/x/Y<} in a generic one. */
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w/$]+)[;<]");

    /** Class (top-level, dotted) to the classes it uses, both within {@code prefix}. */
    private final Map<String, Set<String>> classEdges = new TreeMap<>();

    private PackageGraph() {
    }

    /** The classes under {@code root} (a class-output directory) whose names start with {@code prefix} (dotted). */
    static PackageGraph read(Path root, String prefix) {
        PackageGraph g = new PackageGraph();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = topLevel(root.relativize(f).toString().replace('\\', '/').replaceAll("\\.class$", ""));
                if (!name.startsWith(prefix)) {
                    continue;
                }
                Set<String> uses = g.classEdges.computeIfAbsent(name, k -> new TreeSet<>());
                try (InputStream in = Files.newInputStream(f)) {
                    for (String used : referencedClasses(in)) {
                        String u = topLevel(used);
                        if (u.startsWith(prefix) && !u.equals(name)) {
                            uses.add(u);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Only classes that are part of the scanned output count (not, say, a test's own helpers).
        g.classEdges.values().forEach(s -> s.retainAll(g.classEdges.keySet()));
        return g;
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static String topLevel(String internalName) {
        String dotted = internalName.replace('/', '.');
        int dollar = dotted.indexOf('$', dotted.lastIndexOf('.') + 1);
        return dollar < 0 ? dotted : dotted.substring(0, dollar);
    }

    /** The internal names of the classes a class file refers to. */
    private static Set<String> referencedClasses(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classNameIndexes = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndexes.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.readUnsignedShort(); // String, MethodType, Module, Package
                case 15 -> {                                   // MethodHandle
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {                                 // Long, Double take two slots
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (int idx : classNameIndexes) {
            String n = utf8[idx];
            if (n.startsWith("[")) {
                descriptorClasses(n, out);
            } else {
                out.add(n);
            }
        }
        // Descriptors and signatures (of fields, methods, NameAndType, annotations) are Utf8 entries.
        for (String s : utf8) {
            if (s != null && s.indexOf('L') >= 0 && s.indexOf(';') >= 0) {
                descriptorClasses(s, out);
            }
        }
        return out;
    }

    private static void descriptorClasses(String descriptor, Set<String> out) {
        Matcher m = DESCRIPTOR_CLASS.matcher(descriptor);
        while (m.find()) {
            out.add(m.group(1));
        }
    }

    /** Every scanned class, dotted and top-level. */
    Set<String> classes() {
        return classEdges.keySet();
    }

    /** Every package that holds a scanned class. */
    Set<String> packages() {
        Set<String> out = new TreeSet<>();
        classEdges.keySet().forEach(c -> out.add(packageOf(c)));
        return out;
    }

    /** The classes {@code className} uses. */
    Set<String> uses(String className) {
        return classEdges.getOrDefault(className, Set.of());
    }

    /** Package to package, each edge with the class pairs behind it ("a.B -> c.D"). */
    Map<String, Map<String, List<String>>> packageEdges() {
        Map<String, Map<String, List<String>>> out = new TreeMap<>();
        classEdges.forEach((from, tos) -> {
            String p = packageOf(from);
            out.computeIfAbsent(p, k -> new TreeMap<>());
            for (String to : tos) {
                String q = packageOf(to);
                if (!q.equals(p)) {
                    out.get(p).computeIfAbsent(q, k -> new ArrayList<>()).add(from + " -> " + to);
                }
            }
        });
        packages().forEach(p -> out.computeIfAbsent(p, k -> new TreeMap<>()));
        return out;
    }

    /** The packages reachable from {@code start} (itself excluded unless on a cycle). */
    Set<String> reachableFrom(String start) {
        Map<String, Map<String, List<String>>> edges = packageEdges();
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(edges.getOrDefault(start, Map.of()).keySet());
        while (!todo.isEmpty()) {
            String p = todo.pop();
            if (seen.add(p)) {
                todo.addAll(edges.getOrDefault(p, Map.of()).keySet());
            }
        }
        return seen;
    }

    /** The strongly connected sets of packages with more than one member (Tarjan), largest first. */
    List<Set<String>> cycles() {
        return cycles(packageEdges());
    }

    /** The strongly connected sets, with more than one member, of the graph {@code edges}. */
    static List<Set<String>> cycles(Map<String, Map<String, List<String>>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String p : edges.keySet()) {
            if (!index.containsKey(p)) {
                strongConnect(p, edges, index, low, stack, onStack, out, counter);
            }
        }
        out.removeIf(s -> s.size() < 2);
        out.sort(Comparator.comparingInt((Set<String> s) -> s.size()).reversed());
        return out;
    }

    private static void strongConnect(String v, Map<String, Map<String, List<String>>> edges, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                strongConnect(w, edges, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }
}
