package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.ReadBuffer;

/**
 * CommandComplete ('C'): the command tag, such as {@code INSERT 0 5} or {@code SELECT 3}.
 * The row count is parsed from the tag's last word without splitting strings.
 */
public record CommandComplete(String tag) implements BackendMessage {
    public static CommandComplete decode(ReadBuffer in) {
        CommandComplete m = new CommandComplete(in.cstring());
        in.expectEnd();
        return m;
    }

    /** The number of rows the command affected or returned, or -1 when the tag carries none. */
    public long rowCount() {
        int end = tag.length();
        int start = end;
        // ASCII digits only: Character.isDigit would accept other scripts' digits, which the
        // arithmetic below would turn into nonsense.
        while (start > 0 && tag.charAt(start - 1) >= '0' && tag.charAt(start - 1) <= '9') {
            start--;
        }
        if (start == end || start == 0 || tag.charAt(start - 1) != ' ' || !countsRows()) {
            return -1;
        }
        long n = 0;
        for (int i = start; i < end; i++) {
            int digit = tag.charAt(i) - '0';
            if (n > (Long.MAX_VALUE - digit) / 10) {
                return -1;
            }
            n = n * 10 + digit;
        }
        return n;
    }

    /**
     * The tags that carry a count (protocol "CommandComplete"): INSERT oid rows, DELETE,
     * UPDATE, MERGE, SELECT (also of CREATE TABLE AS), MOVE, FETCH, COPY.
     */
    private boolean countsRows() {
        return switch (tag.charAt(0)) {
            case 'I' -> tag.startsWith("INSERT ");
            case 'D' -> tag.startsWith("DELETE ");
            case 'U' -> tag.startsWith("UPDATE ");
            case 'M' -> tag.startsWith("MERGE ") || tag.startsWith("MOVE ");
            case 'S' -> tag.startsWith("SELECT ");
            case 'F' -> tag.startsWith("FETCH ");
            case 'C' -> tag.startsWith("COPY ");
            default -> false;
        };
    }

    /** The command's name: the first word of the tag ({@code INSERT}, {@code CREATE}, ...). */
    public String command() {
        int sp = tag.indexOf(' ');
        return sp < 0 ? tag : tag.substring(0, sp);
    }
}
