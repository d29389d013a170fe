package io.tusk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What a result depends on besides the code: the machine (CPUs, model, memory, load), the JDK,
 * the server and the driver versions, printed above the table.
 *
 * <pre>{@code System.out.println(Machine.describe("17.6", "PostgreSQL 17.6 (embedded)"));}</pre>
 */
public final class Machine {
    private Machine() {
    }

    /** The load average over the last minute, 5 and 15 minutes, as /proc/loadavg gives it. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The lines of the environment header (Markdown list items). */
    public static List<String> describe(String server, String pgjdbc, String psql) {
        return List.of(
                "- date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "- machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + "), "
                        + memory() + ", load average at start " + loadAverage(),
                "- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                "- server: " + server,
                "- drivers: Tusk " + tuskVersion() + ", pgjdbc " + pgjdbc + "; psql: " + psql);
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux: leave it out
        }
        return System.getProperty("os.arch");
    }

    static String memory() {
        try {
            long total = 0;
            long available = 0;
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    total = kb(line);
                } else if (line.startsWith("MemAvailable:")) {
                    available = kb(line);
                }
            }
            return String.format(Locale.ROOT, "%.1f GiB RAM (%.1f GiB available)", total / 1048576.0, available / 1048576.0);
        } catch (IOException | RuntimeException e) {
            return "memory unknown";
        }
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    static String tuskVersion() {
        String commit = System.getProperty("tusk.bench.commit");
        return "0.1.0-SNAPSHOT" + (commit == null || commit.isBlank() ? "" : " (" + commit + ")");
    }
}
