package io.tusk.internal.adapt;

import io.tusk.errors.DataException;

/** Big-endian integers in and out of byte arrays: the byte order of every binary send/recv format. */
public final class Bin {
    private Bin() {
    }

    public static short int16(byte[] b, int off) {
        return (short) ((b[off] << 8) | (b[off + 1] & 0xff));
    }

    public static int int32(byte[] b, int off) {
        return (b[off] << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    public static long int64(byte[] b, int off) {
        return ((long) int32(b, off) << 32) | (int32(b, off + 4) & 0xffffffffL);
    }

    public static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    public static void put32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    public static void put64(byte[] b, int off, long v) {
        put32(b, off, (int) (v >>> 32));
        put32(b, off + 4, (int) v);
    }

    public static byte[] of16(int v) {
        byte[] b = new byte[2];
        put16(b, 0, v);
        return b;
    }

    public static byte[] of32(int v) {
        byte[] b = new byte[4];
        put32(b, 0, v);
        return b;
    }

    public static byte[] of64(long v) {
        byte[] b = new byte[8];
        put64(b, 0, v);
        return b;
    }

    /** Fails unless a binary value has the size its type always has. */
    public static void expectLength(int len, int expected, String type) {
        if (len != expected) {
            throw new DataException("cannot load binary " + type + ": expected " + expected + " bytes, got " + len);
        }
    }
}
