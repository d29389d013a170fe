package io.tusk.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Small file helpers for the kit: delete a tree, write a private file, read the tail of a log.
 *
 * <p>Example: {@code FileTree.tail(log, 30)} gives the last 30 lines of the server log.
 */
public final class FileTree {
    private FileTree() {
    }

    /** Deletes {@code dir} and everything below it, without following symbolic links; absent is fine. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Best-effort {@link #deleteRecursively}, for shutdown paths where nothing can be reported. */
    public static void deleteQuietly(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException | UncheckedIOException ignored) {
            // Left for the next run's stale-directory sweep.
        }
    }

    /** Writes {@code text} to a file readable only by its owner (mode 0600), as PostgreSQL wants for keys. */
    public static void writePrivate(Path file, byte[] content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, content);
    }

    /** The last {@code lines} lines of a text file, joined by newlines; a note when the file is missing. */
    public static String tail(Path file, int lines) {
        if (file == null || !Files.exists(file)) {
            return "(no server log at " + file + ")";
        }
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            // Only the end of the file matters; a server log of a long test run can be large.
            long size = ch.size();
            int window = (int) Math.min(size, 256 * 1024);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(window);
            ch.position(size - window);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // keep reading
            }
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
            List<String> all = text.lines().toList();
            Deque<String> last = new ArrayDeque<>(all.subList(Math.max(0, all.size() - lines), all.size()));
            return String.join("\n", last);
        } catch (IOException e) {
            return "(could not read the server log " + file + ": " + e.getMessage() + ")";
        }
    }
}
