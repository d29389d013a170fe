package io.tusk.internal.largeobject;

/**
 * psycopg2's large-object mode string: {@code r}, {@code w}, {@code rw} or {@code n}, then
 * {@code t} or {@code b}; an empty mode is {@code r}. Here the suffix defaults to {@code b}
 * (Java keeps bytes and text apart by method, not by mode).
 */
record LoMode(boolean read, boolean write, boolean text) {
    static LoMode parse(String mode) {
        String m = mode == null ? "" : mode;
        boolean read = false;
        boolean write = false;
        int pos = 0;
        if (m.startsWith("rw")) {
            read = write = true;
            pos = 2;
        } else if (m.startsWith("r")) {
            read = true;
            pos = 1;
        } else if (m.startsWith("w")) {
            write = true;
            pos = 1;
        } else if (m.startsWith("n")) {
            pos = 1;
        } else {
            read = true;
        }
        boolean text = false;
        if (pos < m.length() && (m.charAt(pos) == 't' || m.charAt(pos) == 'b')) {
            text = m.charAt(pos) == 't';
            pos++;
        }
        if (pos != m.length()) {
            throw new IllegalArgumentException("bad mode for a large object: '" + m
                    + "'; use r, w, rw or n, optionally followed by b (binary) or t (text)");
        }
        return new LoMode(read, write, text);
    }

    /** The mode of a newly created object: psycopg2 opens it for writing, keeping the b/t suffix. */
    LoMode forNewObject() {
        return new LoMode(false, true, text);
    }

    /** INV_READ / INV_WRITE for lo_open; 0 means "do not open" (mode n). */
    int flags() {
        return (read ? LoFunctions.INV_READ : 0) | (write ? LoFunctions.INV_WRITE : 0);
    }

    @Override
    public String toString() {
        if (!read && !write) {
            return "n";
        }
        return (read ? "r" : "") + (write ? "w" : "") + (text ? "t" : "b");
    }
}
