package io.tusk.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports the CPU time the benchmark JVM used per operation
 * ({@code cpu.time.norm}, ns/op): the process's CPU time over an iteration (every thread: the
 * benchmark's, GC, JIT) divided by the operations of all threads.
 *
 * <pre>{@code new OptionsBuilder().addProfiler(CpuTimeProfiler.class)}</pre>
 *
 * <p>Why: on a small shared machine the throughput of a round-trip-bound benchmark moves with
 * the server's and the neighbours' load, while the client's CPU per operation is the driver's
 * own cost and moves much less. It does not count the server's time, nor psql's (a child process).
 */
public final class CpuTimeProfiler implements InternalProfiler {
    public static final String NAME = "cpu.time.norm";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long start;

    @Override
    public String getDescription() {
        return "CPU time of the benchmark JVM per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        start = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long used = os.getProcessCpuTime() - start;
        long ops = result.getMetadata().getAllOps();
        double perOp = ops == 0 ? Double.NaN : (double) used / ops;
        return List.of(new ScalarResult(NAME, perOp, "ns/op", AggregationPolicy.AVG));
    }
}
