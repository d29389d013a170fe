package io.tusk.osgitest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The jars of this build, copied by the pom to target/bundles without their version. */
final class Bundles {
    private Bundles() {
    }

    static Path dir() {
        return Paths.get(System.getProperty("tusk.bundles", "target/bundles"));
    }

    static Path driver() {
        return existing("tusk-driver.jar");
    }

    static Path xa() {
        return existing("tusk-xa.jar");
    }

    static Path jdbc() {
        return existing("tusk-jdbc.jar");
    }

    static Path features() {
        return existing("tusk-feature-features.xml");
    }

    /** The .kar the distribution ships (features file and both bundles). */
    static Path kar() {
        return existing("tusk-feature.kar");
    }

    static Path configAdmin() {
        return existing("org.apache.felix.configadmin.jar");
    }

    private static Path existing(String name) {
        Path p = dir().resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " is missing: run the tests through Maven (mvn verify), which copies the bundles");
        }
        return p;
    }
}
