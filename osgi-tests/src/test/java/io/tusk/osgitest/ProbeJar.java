package io.tusk.osgitest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Makes a small test bundle: a manifest and, optionally, the classes of one test package with its activator. */
final class ProbeJar {
    private ProbeJar() {
    }

    static InputStream build(String symbolicName, String importPackage, Class<?> activator) {
        return new ByteArrayInputStream(bytes(symbolicName, importPackage, activator));
    }

    static byte[] bytes(String symbolicName, String importPackage, Class<?> activator) {
        Manifest mf = new Manifest();
        Attributes main = mf.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", importPackage);
        if (activator != null) {
            main.putValue("Bundle-Activator", activator.getName());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, mf)) {
            if (activator != null) {
                String pkg = activator.getPackageName().replace('.', '/');
                Path root = Path.of(activator.getProtectionDomain().getCodeSource().getLocation().toURI());
                try (Stream<Path> classes = Files.list(root.resolve(pkg))) {
                    for (Path c : (Iterable<Path>) classes::iterator) {
                        jar.putNextEntry(new JarEntry(pkg + "/" + c.getFileName()));
                        jar.write(Files.readAllBytes(c));
                        jar.closeEntry();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
