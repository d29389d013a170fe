package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.ReadBuffer;

/**
 * CommandComplete ('C'): the command tag, such as {@code INSERT 0 5} or {@code SELECT 3}.
 * The row count is parsed from the tag's last word without splitting strings.
 */
public record CommandComplete(String tag) implements BackendMessage {
    public static CommandComplete decode(ReadBuffer in) {
        return new CommandComplete(in.cstring());
    }

    /** The number of rows the command affected or returned, or -1 when the tag carries none. */
    public long rowCount() {
        int end = tag.length();
        int start = end;
        while (start > 0 && Character.isDigit(tag.charAt(start - 1))) {
            start--;
        }
        if (start == end || start == 0 || tag.charAt(start - 1) != ' ') {
            return -1;
        }
        // Tags with a count: INSERT oid rows, DELETE, UPDATE, SELECT, MOVE, FETCH, COPY, MERGE.
        char c = tag.charAt(0);
        if (c != 'I' && c != 'D' && c != 'U' && c != 'S' && c != 'M' && c != 'F' && c != 'C') {
            return -1;
        }
        long n = 0;
        for (int i = start; i < end; i++) {
            n = n * 10 + (tag.charAt(i) - '0');
        }
        return n;
    }

    /** The command's name: the first word of the tag ({@code INSERT}, {@code CREATE}, ...). */
    public String command() {
        int sp = tag.indexOf(' ');
        return sp < 0 ? tag : tag.substring(0, sp);
    }
}
