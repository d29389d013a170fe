package io.tusk.internal.protocol;

import io.tusk.internal.protocol.backend.MessageFramer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.internal.protocol.backend.BackendMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated byte streams fed to the framer in random pieces. Whatever the bytes, the
 * framer may only return a message, return null (more bytes needed) or throw a
 * {@link ProtocolViolation}; and its buffer may only grow with the bytes it was given.
 *
 * <p>The seed is random per run and printed on failure; rerun a failure with
 * {@code -Dtusk.fuzz.seed=<seed>}. Each iteration has its own seed derived from it, so the
 * failing stream is printed too and can become a unit test.
 */
class MessageFramerFuzzTest {
    /** {@code -Dtusk.fuzz.iterations=10000000} for a long campaign. */
    private static final int ITERATIONS = Integer.getInteger("tusk.fuzz.iterations", 250_000);
    /** A safety net on a loaded machine for the default run, which takes a couple of seconds. */
    private static final long DEADLINE_NANOS = System.getProperty("tusk.fuzz.iterations") == null
            ? 20_000_000_000L : Long.MAX_VALUE;

    private static final List<byte[]> SAMPLES = BackendSamples.messages();
    private static final byte[] TYPES = Wire.hex("'RKSZTDCENI123ntsAGHWdcVv'");

    @Test
    void randomAndMutatedStreamsOnlyDecodeNeedMoreOrViolate() {
        long seed = Long.getLong("tusk.fuzz.seed", new Random().nextLong());
        long start = System.nanoTime();
        int[] outcomes = new int[3];
        int i = 0;
        for (; i < ITERATIONS && System.nanoTime() - start < DEADLINE_NANOS; i++) {
            long iterationSeed = seed ^ (i * 0x9E3779B97F4A7C15L);
            Random random = new Random(iterationSeed);
            byte[] stream = null;
            try {
                Stream s = generate(random);
                stream = s.bytes;
                Outcome o = run(stream, random, s.intact);
                outcomes[o.ordinal()]++;
                if (s.intact) {
                    assertEquals(Outcome.ALL_DECODED, o, "an unmutated stream decodes whole");
                    assertEquals(s.messages, lastCount, "every message of an unmutated stream");
                }
            } catch (Throwable t) {
                throw new AssertionError("fuzz failure: seed " + seed + " (-Dtusk.fuzz.seed=" + seed + "), iteration "
                        + i + ", stream " + (stream == null ? "?" : Wire.toHex(stream)), t);
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("framer fuzz: %d iterations in %d ms (seed %d): %d whole, %d partial, %d violations%n",
                i, ms, seed, outcomes[0], outcomes[1], outcomes[2]);
        // Each kind of outcome is reached: the generator is neither all garbage nor all valid.
        assertTrue(outcomes[0] > i / 20 && outcomes[1] > i / 20 && outcomes[2] > i / 20, Arrays.toString(outcomes));
    }

    private enum Outcome { ALL_DECODED, NEEDS_MORE, VIOLATION }

    private record Stream(byte[] bytes, boolean intact, int messages) {
    }

    private int lastCount;

    /**
     * Feeds the stream in random pieces, through {@code feed} or the transport's
     * writableArray/written path, asking for messages after each piece.
     */
    private Outcome run(byte[] stream, Random random, boolean intact) {
        int initial = random.nextBoolean() ? 16 : 1 + random.nextInt(512);
        // A small maximum rejects valid messages too: only for streams expected to fail anyway.
        int max = !intact && random.nextInt(4) == 0 ? 4 + random.nextInt(2048) : MessageFramer.DEFAULT_MAX_MESSAGE_LENGTH;
        MessageFramer framer = new MessageFramer(initial, max);
        int fed = 0;
        lastCount = 0;
        while (fed < stream.length) {
            int n = Math.min(stream.length - fed, 1 + random.nextInt(random.nextBoolean() ? 8 : 200));
            if (random.nextBoolean()) {
                framer.feed(stream, fed, n);
            } else {
                byte[] into = framer.writableArray();
                n = Math.min(n, framer.writableLength());
                System.arraycopy(stream, fed, into, framer.writeOffset(), n);
                framer.written(n);
            }
            fed += n;
            try {
                if (random.nextInt(4) == 0) {
                    assertTrue(framer.missing() >= 0);
                }
                for (BackendMessage m = framer.next(); m != null; m = framer.next()) {
                    lastCount++;
                }
            } catch (ProtocolViolation expected) {
                return Outcome.VIOLATION;
            }
            int capacity = framer.writeOffset() + framer.writableLength();
            long bound = Math.max(initial, 4L * fed + 16384);
            assertTrue(capacity <= bound, "capacity " + capacity + " after " + fed + " bytes");
        }
        return framer.isEmpty() ? Outcome.ALL_DECODED : Outcome.NEEDS_MORE;
    }

    private static Stream generate(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> new Stream(randomBytes(random), false, -1);
            case 1, 2 -> new Stream(plausibleMessages(random), false, -1);
            case 3 -> {
                List<Integer> starts = new ArrayList<>();
                byte[] valid = validStream(random, starts);
                yield new Stream(valid, true, starts.size());
            }
            default -> {
                List<Integer> starts = new ArrayList<>();
                byte[] valid = validStream(random, starts);
                yield new Stream(mutate(valid, starts, random), false, -1);
            }
        };
    }

    /** Pure noise. */
    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[random.nextInt(300)];
        random.nextBytes(b);
        return b;
    }

    /** Real type bytes and consistent length words around random payloads: reaches every decoder. */
    private static byte[] plausibleMessages(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int n = 1 + random.nextInt(6); n > 0; n--) {
            byte[] payload = new byte[random.nextInt(random.nextBoolean() ? 8 : 48)];
            random.nextBytes(payload);
            if (random.nextBoolean()) {
                // Small numbers make counts and lengths that are nearly right.
                for (int i = 0; i < payload.length; i++) {
                    payload[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : random.nextInt(3));
                }
            }
            out.write(TYPES[random.nextInt(TYPES.length)]);
            writeInt(out, 4 + payload.length);
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }

    private static byte[] validStream(Random random, List<Integer> starts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
            starts.add(out.size());
            out.writeBytes(SAMPLES.get(random.nextInt(SAMPLES.size())));
        }
        return out.toByteArray();
    }

    private static byte[] mutate(byte[] valid, List<Integer> starts, Random random) {
        byte[] b = valid;
        for (int n = 1 + random.nextInt(3); n > 0 && b.length > 0; n--) {
            switch (random.nextInt(7)) {
                case 0 -> { // flip one bit
                    b = b.clone();
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
                case 1 -> { // overwrite a byte
                    b = b.clone();
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length)); // truncate
                case 3 -> { // change a length word
                    int at = starts.get(random.nextInt(starts.size())) + 1;
                    if (at + 4 <= b.length) {
                        b = b.clone();
                        int len = Bytes.int32(b, at);
                        int[] choices = {0, 3, 4, 5, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x40000000,
                            len - 1, len + 1, len + random.nextInt(64) - 32, random.nextInt()};
                        putInt(b, at, choices[random.nextInt(choices.length)]);
                    }
                }
                case 4 -> { // insert random bytes
                    int at = random.nextInt(b.length + 1);
                    byte[] ins = new byte[1 + random.nextInt(8)];
                    random.nextBytes(ins);
                    byte[] c = new byte[b.length + ins.length];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(ins, 0, c, at, ins.length);
                    System.arraycopy(b, at, c, at + ins.length, b.length - at);
                    b = c;
                }
                case 5 -> { // delete a range
                    int at = random.nextInt(b.length);
                    int len = 1 + random.nextInt(Math.min(16, b.length - at));
                    byte[] c = new byte[b.length - len];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + len, c, at, b.length - at - len);
                    b = c;
                }
                default -> { // duplicate a range
                    int at = random.nextInt(b.length);
                    int len = 1 + random.nextInt(Math.min(32, b.length - at));
                    byte[] c = new byte[b.length + len];
                    System.arraycopy(b, 0, c, 0, at + len);
                    System.arraycopy(b, at, c, at + len, b.length - at);
                    b = c;
                }
            }
        }
        return b;
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
