package io.tusk.osgitest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A modular application that {@code requires io.tusk.driver} compiles and connects on the module path. */
@PgTest
class ModulePathIT {

    @Test
    void modularApplicationRequiresTheDriverByItsAutomaticModuleName(TestDatabase db, @TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/app");
        Files.createDirectories(src.resolve("app"));
        Files.writeString(src.resolve("module-info.java"), "module app { requires io.tusk.driver; }");
        Files.writeString(src.resolve("app/Main.java"), """
                package app;
                public class Main {
                    public static void main(String[] args) {
                        try (io.tusk.Connection conn = io.tusk.Tusk.connect(args[0])) {
                            System.out.println(io.tusk.Tusk.class.getModule().getName() + " "
                                    + conn.execute("SELECT 40 + 2").fetchone().get(0));
                        }
                    }
                }
                """);
        Path out = dir.resolve("out");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(),
                "--module-path", Bundles.driver().toString(),
                src.resolve("module-info.java").toString(), src.resolve("app/Main.java").toString());
        assertEquals(0, rc, "javac of a module requiring io.tusk.driver");

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", Bundles.driver() + java.io.File.pathSeparator + out, "-m", "app/app.Main",
                db.conninfo(PgUsers.SCRAM)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(List.of("io.tusk.driver 42"), output.lines().toList(), output);
        assertEquals(0, p.exitValue());
    }
}
