package io.tusk.conninfo;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

/** The environment made by {@link Environment.Builder}. */
final class BuiltEnvironment implements Environment {
    private final Map<String, String> variables;
    private final String userName;
    private final Path homeDirectory;
    private final boolean windows;
    private final Predicate<Path> socketProbe;

    BuiltEnvironment(Map<String, String> variables, String userName, Path homeDirectory, boolean windows,
            Predicate<Path> socketProbe) {
        this.variables = variables;
        this.userName = userName;
        this.homeDirectory = homeDirectory;
        this.windows = windows;
        this.socketProbe = socketProbe;
    }

    @Override
    public String getenv(String name) {
        return variables.get(name);
    }

    @Override
    public String userName() {
        return userName;
    }

    @Override
    public Path homeDirectory() {
        return homeDirectory;
    }

    @Override
    public boolean isWindows() {
        return windows;
    }

    @Override
    public boolean socketExists(Path socketFile) {
        return socketProbe.test(socketFile);
    }
}
