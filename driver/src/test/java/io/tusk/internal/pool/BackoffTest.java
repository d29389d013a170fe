package io.tusk.internal.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final long S = 1_000_000_000L;

    @Test
    void firstDelayIsOneSecondPlusOrMinusTenPercent() {
        assertEquals(900_000_000L, new Backoff(0, Duration.ofMinutes(5), () -> 0.0).nextDelayNanos(0));
        assertEquals(1_000_000_000L, new Backoff(0, Duration.ofMinutes(5), () -> 0.5).nextDelayNanos(0));
        long max = new Backoff(0, Duration.ofMinutes(5), () -> 0.999999).nextDelayNanos(0);
        assertTrue(max > 1_099_000_000L && max < 1_100_000_000L, "delay " + max);
    }

    @Test
    void eachDelayDoublesThePreviousOne() {
        Backoff b = new Backoff(0, Duration.ofMinutes(5), () -> 0.5);
        long now = 0;
        long[] expected = {1, 2, 4, 8, 16, 32, 64};
        for (long e : expected) {
            long d = b.nextDelayNanos(now);
            assertEquals(e * S, d);
            now += d;
        }
    }

    @Test
    void noDelayGoesPastTheReconnectTimeout() {
        Backoff b = new Backoff(0, Duration.ofSeconds(10), () -> 0.5);
        assertEquals(1 * S, b.nextDelayNanos(0));      // retry at 1 s
        assertEquals(2 * S, b.nextDelayNanos(1 * S));  // at 3 s
        assertEquals(4 * S, b.nextDelayNanos(3 * S));  // at 7 s
        assertEquals(3 * S, b.nextDelayNanos(7 * S));  // 8 s would end at 15 s: cut to the 10 s limit
        assertFalse(b.expired(9 * S));
        assertTrue(b.expired(10 * S));
    }

    @Test
    void theScheduleStartsAtTheFirstFailure() {
        Backoff b = new Backoff(100 * S, Duration.ofSeconds(5), () -> 0.5);
        assertFalse(b.expired(104 * S));
        assertTrue(b.expired(105 * S));
    }
}
