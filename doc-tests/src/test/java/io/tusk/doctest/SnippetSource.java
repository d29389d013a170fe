package io.tusk.doctest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link Snippet} into Java sources of its own package {@code snippets.<id>}: a class
 * {@code DocSnippet} whose {@code run(String conninfo)} holds the snippet's statements, and, for a
 * snippet that declares top-level types (it starts with an annotation, {@code class},
 * {@code record}, {@code interface} or {@code enum}), one file holding them as written.
 */
final class SnippetSource {

    /** Imported on demand when a snippet shows no {@code import} line of its own. */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "io.tusk.*", "io.tusk.adapt.*", "io.tusk.async.*", "io.tusk.conninfo.*", "io.tusk.errors.*",
            "io.tusk.pool.*", "io.tusk.rows.*", "io.tusk.sql.*", "io.tusk.types.*", "io.tusk.xa.*",
            "java.io.*", "java.math.*", "java.time.*", "java.util.*", "java.util.concurrent.*",
            "java.util.function.*", "java.util.stream.*");

    /** Connection strings given to these calls are replaced with the test database's. */
    private static final Pattern CONNECT = Pattern.compile(
            "(Tusk\\.connect(?:Async)?|ConnectionPool\\.builder|new TuskXAConnectionSource)\\(\\s*\"(?:[^\"\\\\]|\\\\.)*\"");
    /** JDBC URLs of Tusk given to these calls are replaced with the test database's. */
    private static final Pattern JDBC_CONNECT = Pattern.compile(
            "(DriverManager\\.getConnection|\\.setURL|\\.setUrl)\\(\\s*\"jdbc:tusk:(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "(?s)^\\s*(?:(?://[^\\n]*\\n|/\\*.*?\\*/)\\s*)*(?:@|(?:public\\s+|final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s)");
    private static final Pattern TRAILING_MEMBERS = Pattern.compile("(?m)^static\\s");
    private static final Pattern PUBLIC_TYPE = Pattern.compile("(?m)^public\\s+(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");

    final String packageName;
    /** File name (e.g. {@code DocSnippet.java}) to source. */
    final Map<String, String> files = new LinkedHashMap<>();
    /** For each generated file, the line at which the snippet's own code starts (1-based), or -1. */
    final Map<String, Integer> codeStart = new LinkedHashMap<>();
    /** The last line of {@code DocSnippet.java} that holds the snippet's own statements (-1 when it has none). */
    int codeEnd = -1;

    SnippetSource(Snippet s) {
        packageName = "snippets." + s.id();
        String code = substitute(s.code());
        List<String> own = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String l : code.split("\n", -1)) {
            if (l.startsWith("import ")) {
                own.add(l.strip());
                body.add("");   // keeps the line numbers
            } else {
                body.add(l);
            }
        }
        StringBuilder head = new StringBuilder("package " + packageName + ";\n");
        if (own.isEmpty()) {
            DEFAULT_IMPORTS.forEach(i -> head.append("import ").append(i).append(";\n"));
        } else {
            own.forEach(i -> head.append(i).append('\n'));
        }
        s.values("import").forEach(i -> head.append("import ").append(i).append(";\n"));
        String headText = head.toString();
        int headLines = (int) headText.chars().filter(c -> c == '\n').count();

        String bodyText = String.join("\n", body);
        boolean types = TYPE_DECLARATION.matcher(bodyText).find();
        if (types) {
            Matcher m = PUBLIC_TYPE.matcher(bodyText);
            String unit = (m.find() ? m.group(1) : "DocSnippetTypes") + ".java";
            files.put(unit, headText + bodyText + "\n");
            codeStart.put(unit, headLines + 1);
        }

        boolean conn = !s.values("conn").contains("none");
        StringBuilder w = new StringBuilder(headText);
        w.append("@SuppressWarnings(\"all\")\nfinal class DocSnippet {\n");
        s.values("members").forEach(m -> w.append("    ").append(substitute(m)).append('\n'));
        w.append("    static void run(String conninfo) throws Throwable {\n");
        if (conn) {
            w.append("        try (io.tusk.Connection conn = io.tusk.Tusk.connect(conninfo)) {\n");
        } else {
            w.append("        {\n");
        }
        s.values("given").forEach(g -> w.append("        ").append(substitute(g)).append('\n'));
        int start = (int) w.chars().filter(c -> c == '\n').count() + 1;
        String trailing = "";
        if (!types) {
            // Statements, then (from a line that starts with "static ") methods the statements call.
            Matcher m = TRAILING_MEMBERS.matcher(bodyText);
            if (m.find()) {
                trailing = bodyText.substring(m.start());
                bodyText = bodyText.substring(0, m.start());
            }
            w.append(bodyText).append('\n');
            codeStart.put("DocSnippet.java", start);
            codeEnd = start + (int) bodyText.chars().filter(c -> c == '\n').count();
        }
        s.values("then").forEach(t -> w.append("        ").append(t).append('\n'));
        w.append("        }\n    }\n").append(trailing).append("\n}\n");
        files.put("DocSnippet.java", w.toString());
        codeStart.putIfAbsent("DocSnippet.java", -1);
    }

    /** The test database's connection string, read when the snippet runs (see {@link DocSnippetsIT#CONNINFO_PROPERTY}). */
    static String substitute(String code) {
        String server = "System.getProperty(\"" + DocSnippetsIT.CONNINFO_PROPERTY + "\")";
        String jdbcUrl = "System.getProperty(\"" + DocSnippetsIT.JDBC_URL_PROPERTY + "\")";
        String connected = CONNECT.matcher(code).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "(" + server));
        return JDBC_CONNECT.matcher(connected).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "(" + jdbcUrl));
    }
}
