package io.tusk.doctest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One fenced {@code ```java} block of the documentation, with the {@code <!-- snippet ... -->}
 * marker that may stand on the line right before its fence (see {@link DocSnippetsIT} for the
 * convention).
 *
 * @param file where it is, relative to the repository root (e.g. {@code docs/reference/copy.md})
 * @param line the line of its opening fence (1-based)
 * @param code the lines between the fences
 * @param mode {@code run} or {@code compile-only}
 * @param reason why a compile-only snippet is not run (required for that mode)
 * @param keys the marker's {@code key: value} lines, in order, by key
 */
record Snippet(String file, int line, String code, String mode, String reason, Map<String, List<String>> keys) {

    static final List<String> KEYS = List.of("setup", "given", "then", "members", "import", "conn");
    private static final Pattern MARKER_HEAD = Pattern.compile("<!--\\s*snippet\\s*(?::\\s*(\\S+)\\s*(.*?))?\\s*(-->)?\\s*");

    /** A readable name: {@code docs/reference/copy.md:11}. */
    String name() {
        return file + ":" + line;
    }

    /** A Java identifier unique to this snippet, for its package and class. */
    String id() {
        return (file.replaceAll("\\.md$", "") + "_" + line).replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(java.util.Locale.ROOT);
    }

    List<String> values(String key) {
        return keys.getOrDefault(key, List.of());
    }

    boolean runs() {
        return mode.equals("run");
    }

    /** Every {@code ```java} block of README.md and of the Markdown files under docs/, in file order. */
    static List<Snippet> all(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Snippet> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(parse(root.relativize(f).toString().replace('\\', '/'), Files.readAllLines(f)));
        }
        return all;
    }

    static List<Snippet> parse(String file, List<String> lines) {
        List<Snippet> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            if (end == lines.size()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": the ```java block is never closed");
            }
            String code = String.join("\n", lines.subList(i + 1, end));
            found.add(withMarker(file, i + 1, code, markerBefore(file, lines, i)));
            i = end;
        }
        return found;
    }

    /** The marker's lines when the line right before the fence closes one, else an empty list. */
    private static List<String> markerBefore(String file, List<String> lines, int fence) {
        if (fence == 0 || !lines.get(fence - 1).strip().endsWith("-->")) {
            return List.of();
        }
        int start = fence - 1;
        while (start >= 0 && !lines.get(start).strip().startsWith("<!--")) {
            start--;
        }
        if (start < 0) {
            return List.of();
        }
        List<String> marker = lines.subList(start, fence);
        if (!marker.get(0).strip().matches("<!--\\s*snippet\\b.*")) {
            return List.of();   // some other comment
        }
        return marker;
    }

    private static Snippet withMarker(String file, int line, String code, List<String> marker) {
        String where = file + ":" + line;
        if (marker.isEmpty()) {
            return new Snippet(file, line, code, "run", "", Map.of());
        }
        Matcher head = MARKER_HEAD.matcher(marker.get(0).strip());
        if (!head.matches()) {
            throw new IllegalArgumentException(where + ": unreadable snippet marker: " + marker.get(0));
        }
        String mode = head.group(1) == null ? "run" : head.group(1);
        String reason = head.group(2) == null ? "" : head.group(2).strip();
        if (!mode.equals("run") && !mode.equals("compile-only")) {
            throw new IllegalArgumentException(where + ": snippet mode '" + mode + "' is neither run nor compile-only");
        }
        if (mode.equals("compile-only") && reason.isEmpty()) {
            throw new IllegalArgumentException(where + ": a compile-only snippet says why it cannot run: "
                    + "<!-- snippet: compile-only needs a running WildFly -->");
        }
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (String l : marker.subList(1, marker.size())) {
            String s = l.strip();
            if (s.equals("-->") || s.isEmpty()) {
                continue;
            }
            if (s.endsWith("-->")) {
                s = s.substring(0, s.length() - 3).strip();
            }
            int colon = s.indexOf(':');
            String key = colon < 0 ? "" : s.substring(0, colon).strip();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(where + ": snippet marker line '" + s + "' is not one of "
                        + KEYS.stream().map(k -> k + ": ...").toList());
            }
            keys.computeIfAbsent(key, k -> new ArrayList<>()).add(s.substring(colon + 1).strip());
        }
        return new Snippet(file, line, code, mode, reason, keys);
    }
}
