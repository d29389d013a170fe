package io.tusk.bench;

/**
 * Sanity checks inside the measured code: a benchmark that silently did less work than it
 * claims (a short result, a batch that stored nothing) must fail, not look fast.
 *
 * <pre>{@code return Checks.rows(n, Fixtures.WIDE_ROWS);}</pre>
 */
final class Checks {
    private Checks() {
    }

    /** Returns {@code actual} when it is {@code expected}; otherwise fails the benchmark. */
    static long rows(long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " rows, got " + actual
                    + ": the fixtures (Fixtures.create) or the driver are not what the benchmark assumes");
        }
        return actual;
    }
}
