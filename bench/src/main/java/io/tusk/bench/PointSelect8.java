package io.tusk.bench;

import org.openjdk.jmh.annotations.Threads;

/**
 * {@link PointSelect} from eight threads, each with its own connection: the drivers' CPU cost
 * per round trip shows once the server's wake-up latency overlaps between connections.
 *
 * <pre>{@code bench/run --only 'PointSelect8'}</pre>
 */
@Threads(8)
public class PointSelect8 extends PointSelect {
}
