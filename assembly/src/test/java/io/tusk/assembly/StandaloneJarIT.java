package io.tusk.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tusk-VERSION.jar} is the whole driver in one jar: a program with only it on the class
 * path (or the module path) connects and queries; its manifest is a valid OSGi bundle; and the
 * distribution archive holds what users need.
 */
@PgTest
class StandaloneJarIT {
    private static final String MAIN = """
            import io.tusk.Connection;
            import io.tusk.Tusk;
            public class Main {
                public static void main(String[] args) {
                    try (Connection conn = Tusk.connect(args[0])) {
                        System.out.println(conn.execute("SELECT %s::int * 2, current_user", 21).fetchone().toList());
                    }
                }
            }
            """;

    /** The same through JDBC: DriverManager finds Tusk's driver in tusk.jar by its service file. */
    private static final String JDBC_MAIN = """
            import java.sql.*;
            public class JdbcMain {
                public static void main(String[] args) throws SQLException {
                    try (Connection conn = DriverManager.getConnection(args[0]);
                         Statement st = conn.createStatement();
                         ResultSet rs = st.executeQuery("SELECT 21 * 2, current_user")) {
                        rs.next();
                        System.out.println(rs.getInt(1) + " " + rs.getString(2) + " " + conn.getClass().getName());
                    }
                }
            }
            """;

    static Path tuskJar() {
        Path jar = Path.of(System.getProperty("tusk.jar", "target/tusk.jar"));
        assertTrue(Files.isRegularFile(jar), "the build should have made " + jar);
        return jar;
    }

    private static Path compileMain(Path dir) throws Exception {
        Files.writeString(dir.resolve("Main.java"), MAIN);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-cp", tuskJar().toString(), "-d", dir.toString(), dir.resolve("Main.java").toString());
        assertEquals(0, rc, "Main.java compiles against tusk.jar alone");
        return dir;
    }

    @Test
    void aProgramWithOnlyTuskJarOnTheClassPathConnectsAndQueries(TestDatabase db, @TempDir Path dir) throws Exception {
        compileMain(dir);
        Cli.Result r = Cli.exec(List.of(Cli.java().toString(), "-cp", tuskJar() + File.pathSeparator + dir, "Main",
                db.conninfo(PgUsers.TRUST)), null);
        assertEquals(0, r.exit(), r::toString);
        assertEquals("[42, " + PgUsers.TRUST + "]", r.out().strip());
    }

    @Test
    void aJdbcProgramWithOnlyTuskJarOnTheClassPathConnectsThroughDriverManager(TestDatabase db, @TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("JdbcMain.java"), JDBC_MAIN);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(),
                dir.resolve("JdbcMain.java").toString());
        assertEquals(0, rc, "JdbcMain.java compiles against the JDK alone");
        String url = "jdbc:tusk://127.0.0.1:" + db.port() + "/" + db.dbname() + "?user=" + PgUsers.TRUST + "&sslmode=disable";
        Cli.Result r = Cli.exec(List.of(Cli.java().toString(), "-cp", tuskJar() + File.pathSeparator + dir, "JdbcMain",
                url), null);
        assertEquals(0, r.exit(), r::toString);
        assertEquals("42 " + PgUsers.TRUST + " io.tusk.jdbc.internal.JdbcConnection", r.out().strip());
    }

    @Test
    void onTheModulePathItIsTheAutomaticModuleIoTusk(TestDatabase db, @TempDir Path dir) throws Exception {
        ModuleDescriptor module = ModuleFinder.of(tuskJar()).find("io.tusk").orElseThrow().descriptor();
        assertTrue(module.isAutomatic());
        assertTrue(module.packages().containsAll(Set.of("io.tusk", "io.tusk.xa", "io.tusk.errors")), module::toString);

        compileMain(dir);
        Cli.Result r = Cli.exec(List.of(Cli.java().toString(), "-p", tuskJar().toString(), "--add-modules", "io.tusk",
                "-cp", dir.toString(), "Main", db.conninfo(PgUsers.TRUST)), null);
        assertEquals(0, r.exit(), r::toString);
        assertEquals("[42, " + PgUsers.TRUST + "]", r.out().strip());
    }

    @Test
    void itsManifestIsABundleExportingThePublicPackagesOfDriverAndXaWithVersions() throws Exception {
        try (JarFile jar = new JarFile(tuskJar().toFile())) {
            Attributes m = jar.getManifest().getMainAttributes();
            assertEquals("io.tusk", m.getValue("Bundle-SymbolicName"));
            assertEquals("2", m.getValue("Bundle-ManifestVersion"));
            assertEquals("io.tusk", m.getValue("Automatic-Module-Name"));
            List<String> exports = packages(m.getValue("Export-Package"));
            assertTrue(exports.containsAll(List.of("io.tusk", "io.tusk.errors", "io.tusk.conninfo", "io.tusk.rows", "io.tusk.xa", "io.tusk.jdbc")),
                    () -> "exports: " + exports);
            assertTrue(exports.stream().noneMatch(p -> p.contains(".internal")), () -> "no internal exports: " + exports);
            for (String clause : clauses(m.getValue("Export-Package"))) {
                assertTrue(clause.contains(";version=\""), () -> "every export has a version: " + clause);
            }
            for (String clause : clauses(m.getValue("Import-Package"))) {
                String p = clause.split(";")[0].strip();
                // Optional: the JTA API (JtaConnectionSource only) and the OSGi framework and Config Admin
                // (the driver's activator, used only inside an OSGi framework).
                // Optional too: the JDK's Kerberos (JGSS and its login module), loaded only for GSSAPI.
                boolean optional = (p.startsWith("jakarta.transaction") || p.startsWith("org.osgi.")
                        || p.equals("org.ietf.jgss") || p.equals("com.sun.security.auth.module"))
                        && clause.contains("resolution:=optional");
                // org.w3c.dom and org.xml.sax are the JDK's too (java.xml: the JDBC face's SQLXML).
                boolean jdk = p.startsWith("javax.") || p.equals("org.w3c.dom") || p.startsWith("org.xml.sax");
                assertTrue(jdk || exports.contains(p) || optional,
                        () -> "imports nothing beyond the JDK, its own exports and optional JTA/OSGi/Kerberos APIs: " + clause);
            }
        }
    }

    @Test
    void itHoldsTuskClassesOnlyNoDependencies() throws Exception {
        List<String> foreign = new ArrayList<>();
        try (ZipFile zip = new ZipFile(tuskJar().toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.getName().endsWith(".class") && !e.getName().startsWith("io/tusk/")) {
                    foreign.add(e.getName());
                }
                if (e.getName().startsWith("io/tusk/testkit/") || e.getName().startsWith("io/tusk/cli/")) {
                    foreign.add(e.getName());
                }
            }
            assertTrue(foreign.isEmpty(), () -> "only the driver and xa: " + foreign.subList(0, Math.min(10, foreign.size())));
            assertTrue(zip.getEntry("io/tusk/internal/connection/ConnectionImpl.class") != null);
        }
    }

    @Test
    void theDistributionHoldsTheJarsTheAdapterTheFeatureTheReadmeLicenceAndManual() throws Exception {
        Path zipPath = Path.of(System.getProperty("tusk.dist.zip", "target/tusk-dist.zip"));
        String root = zipPath.getFileName().toString().replace("-dist.zip", "") + "/";
        String version = root.substring("tusk-".length(), root.length() - 1);
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            for (String name : List.of("lib/tusk-" + version + ".jar", "lib/tusk-cli-" + version + ".jar", "bin/tusk",
                    "lib/tusk-jca-adapter-" + version + ".rar", "lib/tusk-jca-adapter-" + version + ".jar", "karaf/tusk-features-" + version + ".xml",
                    "karaf/tusk-feature-" + version + ".kar",
                    "README.md", "LICENSE", "docs/cli.md", "docs/reference/connection.md", "docs/deploy/wildfly.md",
                    "docs/deploy/karaf.md")) {
                assertTrue(zip.getEntry(root + name) != null, () -> "the zip has " + root + name);
            }
        }
        assertFalse(version.isEmpty());
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndManualResolvesInsideTheZip() throws Exception {
        Path zipPath = Path.of(System.getProperty("tusk.dist.zip", "target/tusk-dist.zip"));
        String root = zipPath.getFileName().toString().replace("-dist.zip", "") + "/";
        List<String> broken = new ArrayList<>();
        int checked = 0;
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            Set<String> names = new java.util.HashSet<>();
            Collections.list(zip.entries()).forEach(e -> names.add(e.getName()));
            for (String name : names.stream()
                    .filter(n -> n.equals(root + "README.md") || n.startsWith(root + "docs/") && n.endsWith(".md")).sorted().toList()) {
                String text = new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\]\\(([^)\\s]+)\\)").matcher(text);
                while (m.find()) {
                    String link = m.group(1).replaceAll("#.*", "");
                    if (link.isEmpty() || link.matches("[a-z]+:.*")) {
                        continue;   // an anchor in the same page, or http:, https:, mailto:
                    }
                    String target = Path.of(name).resolveSibling(link).normalize().toString().replace('\\', '/');
                    checked++;
                    if (!names.contains(target) && !names.contains(target + "/")
                            && names.stream().noneMatch(n -> n.startsWith(target + "/"))) {
                        broken.add(name.substring(root.length()) + " -> " + link);
                    }
                }
            }
        }
        assertTrue(checked > 20, "links checked: " + checked);
        assertTrue(broken.isEmpty(), () -> "links to files the zip lacks: " + broken);
    }

    private static List<String> clauses(String header) {
        // Split at commas outside quotes (OSGi Core, 3.2.4 "Common Header Syntax").
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static List<String> packages(String header) {
        return header == null ? List.of() : clauses(header).stream().map(c -> c.split(";")[0].strip()).toList();
    }
}
