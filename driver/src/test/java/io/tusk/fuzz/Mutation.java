package io.tusk.fuzz;

import io.tusk.internal.protocol.BackendBytes;
import io.tusk.internal.protocol.BackendSamples;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One way to spoil a server's reply, applied to the {@code target}-th flush the server writes
 * after it is armed (or, for the start-up kinds, to the flush holding the message they aim at).
 * It is deterministic: its own {@link Random} is seeded by the fuzz run.
 */
final class Mutation {
    /** The kinds, each named as the fuzz report prints it. */
    enum Kind {
        BIT_FLIP, ABSURD_LENGTH, ABSURD_COUNT, ABSURD_FIELD_LENGTH, TRUNCATE, DUPLICATE, DROP, REORDER,
        DATAROW_COLUMNS, INVALID_UTF8, EXTRA_READY, FOREIGN_MESSAGE, ERROR_INSERTED,
        // start-up and authentication only
        SKIP_AUTH_OK, READY_MID_SCRAM, OK_MID_SCRAM, BAD_SERVER_SIGNATURE, NO_SASL_FINAL,
        /** A test's own rewrite of one flush (see {@link #scripted}); never drawn by the fuzz. */
        SCRIPTED;

        boolean startupOnly() {
            return ordinal() >= SKIP_AUTH_OK.ordinal();
        }
    }

    /** What is written: the bytes, whether the server hangs up after them, and what was done (null: nothing). */
    record Outcome(byte[] bytes, boolean hangUp, String description) {
        static Outcome unchanged(List<byte[]> messages) {
            return new Outcome(join(messages), false, null);
        }
    }

    private static final int[] ABSURD = {-1, -5, 0, 1, 3, 4, 0x7fffffff, 0x80000000, 0x40000000, 65536, 1 << 26};
    private static final int[] ABSURD16 = {-1, -32768, 0, 32767, 1600, 2};

    final Kind kind;
    final int target;
    private final Random random;
    private int flushes;
    private boolean done;

    private final java.util.function.UnaryOperator<List<byte[]>> script;

    Mutation(Kind kind, int target, long seed) {
        this(kind, target, seed, null);
    }

    private Mutation(Kind kind, int target, long seed, java.util.function.UnaryOperator<List<byte[]>> script) {
        this.kind = kind;
        this.target = target;
        this.random = new Random(seed);
        this.script = script;
    }

    /** Rewrites the {@code target}-th flush after arming with {@code script}, for a test that wants one exact reply. */
    static Mutation scripted(int target, java.util.function.UnaryOperator<List<byte[]>> script) {
        return new Mutation(Kind.SCRIPTED, target, 0, script);
    }

    @Override
    public String toString() {
        return kind + (kind.startupOnly() ? "" : "@flush" + target);
    }

    synchronized Outcome apply(List<byte[]> original) {
        int index = flushes++;
        if (done) {
            return Outcome.unchanged(original);
        }
        List<byte[]> m = new ArrayList<>(original);
        String what = switch (kind) {
            case SKIP_AUTH_OK -> removeFirst(m, 'R', 0);
            case READY_MID_SCRAM -> replaceFirst(m, 'R', 11, new BackendBytes().readyForQuery('I').toByteArray());
            case OK_MID_SCRAM -> replaceFirst(m, 'R', 11, join(List.of(new BackendBytes().authenticationOk().toByteArray(),
                    new BackendBytes().readyForQuery('I').toByteArray())));
            case NO_SASL_FINAL -> removeFirst(m, 'R', 12);
            case BAD_SERVER_SIGNATURE -> badSignature(m);
            case SCRIPTED -> {
                if (index != target) {
                    yield null;
                }
                List<byte[]> replaced = script.apply(m);
                m.clear();
                m.addAll(replaced);
                yield "scripted";
            }
            default -> index == target ? generic(m) : null;
        };
        if (what == null) {
            return Outcome.unchanged(original);
        }
        done = true;
        boolean hangUp = kind == Kind.TRUNCATE;
        byte[] bytes = join(m);
        if (hangUp) {
            int cut = random.nextInt(Math.max(1, bytes.length));
            what += " at byte " + cut + " of " + bytes.length + ", then hang up";
            bytes = java.util.Arrays.copyOf(bytes, cut);
        }
        return new Outcome(bytes, hangUp, kind + " in flush " + index + " " + types(original) + ": " + what);
    }

    private String generic(List<byte[]> m) {
        int i = random.nextInt(m.size());
        byte[] msg = m.get(i).clone();
        String at = "message " + i + " '" + (char) msg[0] + "'";
        switch (kind) {
            case BIT_FLIP -> {
                int bit = random.nextInt(msg.length * 8);
                msg[bit / 8] ^= (byte) (1 << (bit % 8));
                m.set(i, msg);
                return at + " bit " + bit;
            }
            case ABSURD_LENGTH -> {
                int len = ABSURD[random.nextInt(ABSURD.length)];
                len = random.nextBoolean() ? len : length(msg) + random.nextInt(9) - 4;
                put32(msg, 1, len);
                m.set(i, msg);
                return at + " length " + len;
            }
            case ABSURD_COUNT -> {
                int j = pick(m, "TDtGHW");
                if (j < 0) {
                    return bitFlipInstead(m);
                }
                msg = m.get(j).clone();
                int off = msg[0] == 'G' || msg[0] == 'H' || msg[0] == 'W' ? 6 : 5;
                int count = ABSURD16[random.nextInt(ABSURD16.length)];
                msg[off] = (byte) (count >>> 8);
                msg[off + 1] = (byte) count;
                m.set(j, msg);
                return "message " + j + " '" + (char) msg[0] + "' count " + count;
            }
            case ABSURD_FIELD_LENGTH -> {
                int j = pick(m, "D");
                if (j < 0 || m.get(j).length < 11) {
                    return bitFlipInstead(m);
                }
                msg = m.get(j).clone();
                int len = ABSURD[random.nextInt(ABSURD.length)];
                len = len == -1 ? -2 : len;
                put32(msg, 7, len);
                m.set(j, msg);
                return "DataRow " + j + " first value length " + len;
            }
            case TRUNCATE -> {
                return "the flush cut";
            }
            case DUPLICATE -> {
                m.add(i, msg);
                return at + " sent twice";
            }
            case DROP -> {
                m.remove(i);
                return at + " dropped";
            }
            case REORDER -> {
                if (m.size() < 2) {
                    return bitFlipInstead(m);
                }
                int j = (i + 1 + random.nextInt(m.size() - 1)) % m.size();
                m.set(i, m.get(j));
                m.set(j, msg);
                return at + " swapped with message " + j;
            }
            case DATAROW_COLUMNS -> {
                int j = pick(m, "D");
                if (j < 0) {
                    return bitFlipInstead(m);
                }
                int n = random.nextBoolean() ? 1 : 3;
                byte[][] values = new byte[n][];
                for (int k = 0; k < n; k++) {
                    values[k] = ("v" + k).getBytes();
                }
                m.set(j, new BackendBytes().dataRow(values).toByteArray());
                return "DataRow " + j + " with " + n + " columns";
            }
            case INVALID_UTF8 -> {
                int j = pick(m, "DCESTA");
                if (j < 0 || m.get(j).length < 7) {
                    return bitFlipInstead(m);
                }
                msg = m.get(j).clone();
                int pos = 5 + random.nextInt(msg.length - 6);
                msg[pos] = (byte) (random.nextBoolean() ? 0xff : 0xc3);
                m.set(j, msg);
                return "message " + j + " '" + (char) msg[0] + "' byte " + pos + " not UTF-8";
            }
            case EXTRA_READY -> {
                char status = "ITE".charAt(random.nextInt(3));
                m.add(random.nextInt(m.size() + 1), new BackendBytes().readyForQuery(status).toByteArray());
                return "an extra ReadyForQuery('" + status + "')";
            }
            case FOREIGN_MESSAGE -> {
                List<byte[]> samples = BackendSamples.messages();
                byte[] foreign = samples.get(random.nextInt(samples.size()));
                int j = random.nextInt(m.size() + 1);
                m.add(j, foreign);
                return "'" + (char) foreign[0] + "' (" + foreign.length + " bytes) inserted at " + j;
            }
            case ERROR_INSERTED -> {
                int j = random.nextInt(m.size() + 1);
                m.add(j, new BackendBytes().errorResponse("XX000", "fuzz: injected error").toByteArray());
                return "an ErrorResponse inserted at " + j;
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private String bitFlipInstead(List<byte[]> m) {
        int i = random.nextInt(m.size());
        byte[] msg = m.get(i).clone();
        int bit = random.nextInt(msg.length * 8);
        msg[bit / 8] ^= (byte) (1 << (bit % 8));
        m.set(i, msg);
        return "(nothing to aim at) message " + i + " '" + (char) msg[0] + "' bit " + bit;
    }

    private int pick(List<byte[]> m, String types) {
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            if (types.indexOf((char) m.get(i)[0]) >= 0) {
                hits.add(i);
            }
        }
        return hits.isEmpty() ? -1 : hits.get(random.nextInt(hits.size()));
    }

    private static int authCode(byte[] msg) {
        return msg.length >= 9 ? ((msg[5] & 0xff) << 24) | ((msg[6] & 0xff) << 16) | ((msg[7] & 0xff) << 8) | (msg[8] & 0xff) : -1;
    }

    private static String removeFirst(List<byte[]> m, char type, int code) {
        for (int i = 0; i < m.size(); i++) {
            if (m.get(i)[0] == type && authCode(m.get(i)) == code) {
                m.remove(i);
                return "Authentication(" + code + ") dropped";
            }
        }
        return null;
    }

    private static String replaceFirst(List<byte[]> m, char type, int code, byte[] with) {
        for (int i = 0; i < m.size(); i++) {
            if (m.get(i)[0] == type && authCode(m.get(i)) == code) {
                m.set(i, with);
                return "Authentication(" + code + ") replaced by " + with.length + " bytes of other messages";
            }
        }
        return null;
    }

    /** Changes one character of the base64 server signature, so the "v=" value is well-formed but wrong. */
    private String badSignature(List<byte[]> m) {
        for (int i = 0; i < m.size(); i++) {
            byte[] msg = m.get(i);
            if (msg[0] == 'R' && authCode(msg) == 12 && msg.length > 12) {
                byte[] b = msg.clone();
                int pos = 11 + random.nextInt(Math.min(40, b.length - 12));
                b[pos] = (byte) (b[pos] == 'A' ? 'B' : 'A');
                m.set(i, b);
                return "server signature character " + (pos - 11) + " changed";
            }
        }
        return null;
    }

    private static int length(byte[] msg) {
        return ((msg[1] & 0xff) << 24) | ((msg[2] & 0xff) << 16) | ((msg[3] & 0xff) << 8) | (msg[4] & 0xff);
    }

    private static void put32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static String types(List<byte[]> m) {
        StringBuilder s = new StringBuilder("[");
        for (byte[] msg : m) {
            s.append((char) msg[0]);
        }
        return s.append(']').toString();
    }

    static byte[] join(List<byte[]> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] m : messages) {
            out.writeBytes(m);
        }
        return out.toByteArray();
    }
}
