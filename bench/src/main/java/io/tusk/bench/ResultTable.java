package io.tusk.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The one table a run prints (Markdown): per {@link Scenario}, both throughputs, their ratio
 * (Tusk ÷ other: above 1 Tusk is faster), the client CPU time per operation of each
 * ({@link CpuTimeProfiler}), the allocation per operation of each (JMH's
 * {@code gc.alloc.rate.norm}) and the target of DESIGN.md §5.
 *
 * <pre>{@code System.out.println(ResultTable.render(Scenario.ALL, ResultTable.measurements(results)));}</pre>
 */
public final class ResultTable {
    private static final String PACKAGE = "io.tusk.bench.";

    private ResultTable() {
    }

    /** What JMH measured for one benchmark: ops/s, its 99.9% error, and bytes allocated per op (NaN when unknown). */
    public record Measurement(double score, double error, double allocPerOp, double cpuPerOp) {
    }

    /** The measurements of a JMH run, by short name ({@code Class.method}). */
    public static Map<String, Measurement> measurements(Collection<RunResult> results) {
        Map<String, Measurement> byName = new LinkedHashMap<>();
        for (RunResult rr : results) {
            String name = rr.getParams().getBenchmark();
            if (name.startsWith(PACKAGE)) {
                name = name.substring(PACKAGE.length());
            }
            Result<?> primary = rr.getPrimaryResult();
            double alloc = Double.NaN;
            double cpu = Double.NaN;
            for (Map.Entry<String, Result> e : rr.getSecondaryResults().entrySet()) {
                // "gc.alloc.rate.norm" (JMH 1.37; older versions prefix a middle dot)
                if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                    alloc = e.getValue().getScore();
                } else if (e.getKey().equals(CpuTimeProfiler.NAME)) {
                    cpu = e.getValue().getScore();
                }
            }
            byName.put(name, new Measurement(primary.getScore(), primary.getScoreError(), alloc, cpu));
        }
        return byName;
    }

    /** The Markdown table of the scenarios that were measured (both sides present). */
    public static String render(List<Scenario> scenarios, Map<String, Measurement> m) {
        StringBuilder sb = new StringBuilder();
        sb.append("| scenario | Tusk ops/s | other ops/s | Tusk ÷ other | Tusk CPU/op | other CPU/op "
                + "| Tusk alloc/op | other alloc/op | target |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Scenario s : scenarios) {
            Measurement t = m.get(s.tusk());
            Measurement o = m.get(s.other());
            if (t == null && o == null) {
                continue;
            }
            double ratio = t != null && o != null ? t.score() / o.score() : Double.NaN;
            sb.append("| ").append(s.label())
                    .append(" | ").append(t == null ? "—" : throughput(t))
                    .append(" | ").append(o == null ? "—" : throughput(o) + " (" + s.otherName() + ")")
                    .append(" | ").append(Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.2f×", ratio))
                    .append(" | ").append(t == null ? "—" : cpu(t.cpuPerOp()))
                    .append(" | ").append(o == null || "psql".equals(s.otherName()) ? "—" : cpu(o.cpuPerOp()))
                    .append(" | ").append(t == null ? "—" : alloc(t.allocPerOp(), s.rowsPerOp()))
                    .append(" | ").append(o == null || "psql".equals(s.otherName()) ? "—" : alloc(o.allocPerOp(), s.rowsPerOp()))
                    .append(" | ").append(verdict(s.target(), ratio))
                    .append(" |\n");
        }
        return sb.toString();
    }

    static String throughput(Measurement x) {
        double s = x.score();
        String v;
        if (s >= 1000) {
            v = String.format(Locale.ROOT, "%,.0f", s);
        } else if (s >= 10) {
            v = String.format(Locale.ROOT, "%.1f", s);
        } else {
            v = String.format(Locale.ROOT, "%.2f", s);
        }
        if (!Double.isNaN(x.error()) && s > 0) {
            v += String.format(Locale.ROOT, " ±%.0f%%", 100 * x.error() / s);
        }
        return v;
    }

    /** CPU time per operation, from ns to the unit that keeps 2-4 digits. */
    static String cpu(double ns) {
        if (Double.isNaN(ns)) {
            return "?";
        }
        if (ns >= 1e9) {
            return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
        }
        if (ns >= 1e6) {
            return String.format(Locale.ROOT, "%.1f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f µs", ns / 1e3);
    }

    static String alloc(double bytes, long rows) {
        if (Double.isNaN(bytes)) {
            return "?";
        }
        String v = bytes(bytes);
        if (rows > 1) {
            double perRow = bytes / rows;
            v += String.format(Locale.ROOT, perRow < 10 ? " (%.1f B/row)" : " (%.0f B/row)", perRow);
        }
        return v;
    }

    static String bytes(double b) {
        if (b >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", b / (1024 * 1024));
        }
        if (b >= 10 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", b / 1024);
        }
        return String.format(Locale.ROOT, "%.0f B", b);
    }

    static String verdict(double target, double ratio) {
        if (target <= 0) {
            return "—";
        }
        String t = String.format(Locale.ROOT, "≥ %.2f×", target);
        if (Double.isNaN(ratio)) {
            return t;
        }
        if (ratio >= target) {
            return t + ": met";
        }
        return t + String.format(Locale.ROOT, ": missed by %.0f%%", 100 * (target - ratio) / target);
    }
}
