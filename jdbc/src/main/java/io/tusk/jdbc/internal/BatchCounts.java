package io.tusk.jdbc.internal;

import java.sql.Statement;

/** Update counts of a batch as JDBC reports them. */
final class BatchCounts {
    private BatchCounts() {
    }

    /** {@code executeBatch}'s int counts from {@code executeLargeBatch}'s long ones. */
    static int[] narrow(long[] counts) {
        int[] out = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = (int) Math.min(Integer.MAX_VALUE, counts[i]);
        }
        return out;
    }

    /** {@code n} times {@code value}: SUCCESS_NO_INFO or EXECUTE_FAILED for a whole batch. */
    static long[] all(int n, long value) {
        long[] out = new long[n];
        java.util.Arrays.fill(out, value);
        return out;
    }

    /** The row count of a command tag ({@code INSERT 0 5}, {@code UPDATE 3}), SUCCESS_NO_INFO when it has none. */
    static long ofTag(String tag) {
        if (tag == null) {
            return Statement.SUCCESS_NO_INFO;
        }
        int sp = tag.lastIndexOf(' ');
        if (sp < 0 || sp == tag.length() - 1) {
            return 0;
        }
        long n = 0;
        for (int i = sp + 1; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
