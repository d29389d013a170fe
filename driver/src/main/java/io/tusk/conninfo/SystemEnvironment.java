package io.tusk.conninfo;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** The running process, as libpq sees it. */
final class SystemEnvironment implements Environment {
    static final SystemEnvironment INSTANCE = new SystemEnvironment();

    private final boolean windows = System.getProperty("os.name", "").startsWith("Windows");

    private SystemEnvironment() {
    }

    @Override
    public String getenv(String name) {
        return System.getenv(name);
    }

    @Override
    public String userName() {
        return System.getProperty("user.name");
    }

    /** libpq's {@code pqGetHomeDirectory}. */
    @Override
    public Path homeDirectory() {
        if (windows) {
            String appData = System.getenv("APPDATA");
            return appData == null || appData.isEmpty() ? null : Path.of(appData, "postgresql");
        }
        String home = System.getenv("HOME");
        if (home == null || home.isEmpty()) {
            home = System.getProperty("user.home");
        }
        return home == null || home.isEmpty() ? null : Path.of(home);
    }

    @Override
    public boolean isWindows() {
        return windows;
    }

    /** A socket file is neither a regular file nor a directory; {@code java.nio} has no "is socket". */
    @Override
    public boolean socketExists(Path socketFile) {
        return Files.exists(socketFile) && !Files.isRegularFile(socketFile)
                && !Files.isDirectory(socketFile, LinkOption.NOFOLLOW_LINKS);
    }
}
