package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.Bytes;
import io.tusk.internal.protocol.ProtocolViolation;
import java.util.ArrayDeque;

/**
 * The answers the server owes, in order, checked message by message once start-up is over: a
 * guard under every exchange of both front ends, so that a reply out of place (a second
 * ReadyForQuery, a BindComplete nobody asked for, CopyData outside COPY, rows after the end of
 * a statement) is a {@link ProtocolViolation} and never the start of another statement's answer.
 *
 * <p>It reads the frontend messages as they leave ({@link #sent}) and derives what each one is
 * answered with (protocol "Message Flow"): Query by results then ReadyForQuery; Parse, Bind and
 * Close by their completions; Describe by (ParameterDescription and) RowDescription or NoData;
 * Execute by DataRows and CommandComplete, EmptyQueryResponse, PortalSuspended (only with a row
 * limit) or a COPY; Sync and FunctionCall by ReadyForQuery. After an ErrorResponse in the
 * extended protocol the server discards every message up to Sync (protocol "Extended Query"), so
 * do we. NoticeResponse, ParameterStatus and NotificationResponse may come at any time, a FATAL
 * ErrorResponse too (the server ends the session); nothing else may come when nothing is owed.
 *
 * <p>Free of I/O and of meaning beyond the order: exchanges still decide what the rows say.
 */
public final class ReplyOrder {
    private enum Owed { QUERY, PARSE, BIND, DESCRIBE_STATEMENT, DESCRIBE_PORTAL, EXECUTE, EXECUTE_LIMITED, CLOSE, SYNC, FUNCTION }

    // Phases of the oldest owed answer.
    private static final int START = 0;
    private static final int ROWS = 1;
    private static final int AFTER = 2;
    private static final int COPY_IN = 3;
    private static final int COPY_OUT = 4;
    private static final int COPY_OUT_DONE = 5;
    private static final int ERRORED = 6;
    private static final int DESCRIBED = 7;

    private final ArrayDeque<Owed> owed = new ArrayDeque<>();
    private int phase = START;
    /** After an ErrorResponse in the extended protocol: messages sent before the next Sync are discarded by the server. */
    private boolean skipToSync;

    // The frontend message being read across calls to sent(): header bytes so far, body bytes to skip.
    private final byte[] head = new byte[64];
    private int headSize;
    private int headNeed;
    private long skip;

    /** True when no answer is owed: anything but an asynchronous message would be out of place. */
    public boolean idle() {
        return owed.isEmpty() && !skipToSync && headSize == 0 && skip == 0;
    }

    /** Reads frontend messages as they leave (whole or in pieces, in order). */
    public void sent(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (skip > 0) {
                int n = (int) Math.min(skip, end - i);
                skip -= n;
                i += n;
                continue;
            }
            if (headSize == 0) {
                headNeed = 5;
            }
            while (headSize < headNeed && i < end) {
                head[headSize++] = b[i++];
            }
            if (headSize < headNeed) {
                return;
            }
            byte type = head[0];
            long length = Bytes.int32(head, 1) & 0xffffffffL;
            if (headNeed == 5 && (type == 'D' || type == 'E')) {
                // The kind of Describe, Execute's portal and row limit: a few bytes (portal names are short).
                int want = (int) Math.min(length - 4, head.length - 5);
                if (want > 0) {
                    headNeed = 5 + want;
                    continue;
                }
            }
            owe(type, length);
            skip = length + 1 - headSize;
            headSize = 0;
        }
    }

    private void owe(byte type, long length) {
        Owed o = switch (type) {
            case 'Q' -> Owed.QUERY;
            case 'P' -> Owed.PARSE;
            case 'B' -> Owed.BIND;
            case 'C' -> Owed.CLOSE;
            case 'S' -> Owed.SYNC;
            case 'F' -> Owed.FUNCTION;
            case 'D' -> head[5] == 'S' ? Owed.DESCRIBE_STATEMENT : Owed.DESCRIBE_PORTAL;
            case 'E' -> executeLimit() != 0 ? Owed.EXECUTE_LIMITED : Owed.EXECUTE;
            default -> null; // Flush, CopyData, CopyDone, CopyFail, Terminate: no answer of their own
        };
        if (o == null) {
            return;
        }
        if (skipToSync) {
            if (o != Owed.SYNC) {
                return; // discarded by the server
            }
            skipToSync = false;
        }
        owed.add(o);
    }

    /** Execute's row limit: the Int32 after the portal name; -1 (treated as a limit) if the name is too long to see. */
    private int executeLimit() {
        int nul = 5;
        while (nul < headSize && head[nul] != 0) {
            nul++;
        }
        return nul + 4 < headSize ? Bytes.int32(head, nul + 1) : -1;
    }

    /**
     * Checks one message from the server against what is owed; throws {@link ProtocolViolation}
     * when it is out of place (the caller closes the connection).
     */
    public void received(BackendMessage m) {
        if (m instanceof ParameterStatus || m instanceof NotificationResponse
                || (m instanceof ErrorResponse e && (e.notice() || fatal(e)))) {
            // Asynchronous, or the server ending the session: allowed anywhere (protocol
            // "Asynchronous Operations"); a FATAL error is followed by the end of the stream.
            return;
        }
        Owed o = owed.peek();
        if (o == null) {
            throw unexpected(m, "while no command runs");
        }
        if (!accept(o, m)) {
            throw unexpected(m, "in the answer to " + describe(o) + phaseName());
        }
    }

    private boolean accept(Owed o, BackendMessage m) {
        switch (o) {
            case QUERY:
                return query(m);
            case PARSE:
                return single(m, m == ParseComplete.INSTANCE);
            case BIND:
                return single(m, m == BindComplete.INSTANCE);
            case CLOSE:
                return single(m, m == CloseComplete.INSTANCE);
            case DESCRIBE_PORTAL:
                return single(m, m instanceof RowDescription || m == NoData.INSTANCE);
            case DESCRIBE_STATEMENT:
                if (phase == START) {
                    if (m instanceof ParameterDescription) {
                        phase = DESCRIBED;
                        return true;
                    }
                    return single(m, false);
                }
                return single(m, m instanceof RowDescription || m == NoData.INSTANCE);
            case EXECUTE:
            case EXECUTE_LIMITED:
                return execute(m, o == Owed.EXECUTE_LIMITED);
            case SYNC:
            case FUNCTION:
                // Sync may carry the error of the implicit COMMIT; FunctionCall its result or error.
                if (m instanceof ReadyForQuery) {
                    if (o == Owed.FUNCTION && phase == START) {
                        return false;
                    }
                    done();
                    return true;
                }
                if (phase == START && (m instanceof ErrorResponse || (o == Owed.FUNCTION && m instanceof FunctionCallResponse))) {
                    phase = ERRORED;
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    /** Simple query: any number of results (rows, COPY, empty) or one error, then ReadyForQuery. */
    private boolean query(BackendMessage m) {
        if (m instanceof ErrorResponse) {
            if (phase == ERRORED) {
                return false;
            }
            phase = ERRORED;
            return true;
        }
        switch (phase) {
            case START, AFTER -> {
                if (m instanceof ReadyForQuery) {
                    if (phase == START) {
                        return false; // every Query is answered by at least one result or error
                    }
                    done();
                } else if (m instanceof RowDescription) {
                    phase = ROWS;
                } else if (m instanceof CommandComplete || m == EmptyQueryResponse.INSTANCE) {
                    phase = AFTER;
                } else if (m instanceof CopyResponse c && c.direction() != CopyResponse.Direction.BOTH) {
                    phase = c.direction() == CopyResponse.Direction.IN ? COPY_IN : COPY_OUT;
                } else {
                    return false;
                }
                return true;
            }
            case ROWS -> {
                if (m instanceof CommandComplete) {
                    phase = AFTER;
                    return true;
                }
                return m instanceof DataRow;
            }
            case ERRORED -> {
                if (m instanceof ReadyForQuery) {
                    done();
                    return true;
                }
                return false;
            }
            default -> {
                return copy(m, AFTER);
            }
        }
    }

    /** Execute: rows then its end, or a COPY (then CommandComplete). */
    private boolean execute(BackendMessage m, boolean limited) {
        if (m instanceof ErrorResponse) {
            afterError();
            return true;
        }
        if (phase == START || phase == ROWS) {
            if (m instanceof DataRow) {
                phase = ROWS;
                return true;
            }
            if (m instanceof CommandComplete || m == EmptyQueryResponse.INSTANCE
                    || (limited && m == PortalSuspended.INSTANCE)) {
                done();
                return true;
            }
            if (phase == START && m instanceof CopyResponse c && c.direction() != CopyResponse.Direction.BOTH) {
                phase = c.direction() == CopyResponse.Direction.IN ? COPY_IN : COPY_OUT;
                return true;
            }
            return false;
        }
        return copy(m, -1);
    }

    /** Inside a COPY: data out, its end, then CommandComplete; {@code after} is the next phase, -1 to finish the owed answer. */
    private boolean copy(BackendMessage m, int after) {
        if (phase == COPY_OUT && (m instanceof CopyData)) {
            return true;
        }
        if (phase == COPY_OUT && m == CopyDone.INSTANCE) {
            phase = COPY_OUT_DONE;
            return true;
        }
        if ((phase == COPY_IN || phase == COPY_OUT_DONE) && m instanceof CommandComplete) {
            if (after < 0) {
                done();
            } else {
                phase = after;
            }
            return true;
        }
        return false;
    }

    private boolean single(BackendMessage m, boolean expected) {
        if (expected) {
            done();
            return true;
        }
        if (m instanceof ErrorResponse) {
            afterError();
            return true;
        }
        return false;
    }

    /** An error in the extended protocol: what was sent up to the next Sync is discarded by the server. */
    private void afterError() {
        while (!owed.isEmpty() && owed.peek() != Owed.SYNC) {
            owed.poll();
        }
        phase = START;
        if (owed.isEmpty()) {
            skipToSync = true;
        }
    }

    private void done() {
        owed.poll();
        phase = START;
    }

    private static boolean fatal(ErrorResponse e) {
        String s = e.diagnostic().severityNonlocalized() != null ? e.diagnostic().severityNonlocalized()
                : e.diagnostic().severity();
        return "FATAL".equals(s) || "PANIC".equals(s);
    }

    private String phaseName() {
        return switch (phase) {
            case ROWS -> " (after its rows began)";
            case AFTER -> " (after a complete result)";
            case COPY_IN, COPY_OUT -> " (during COPY)";
            case COPY_OUT_DONE -> " (after CopyDone)";
            case ERRORED -> " (after its error or result)";
            case DESCRIBED -> " (after ParameterDescription)";
            default -> "";
        };
    }

    private static String describe(Owed o) {
        return switch (o) {
            case QUERY -> "a Query";
            case PARSE -> "Parse";
            case BIND -> "Bind";
            case DESCRIBE_STATEMENT -> "Describe (statement)";
            case DESCRIBE_PORTAL -> "Describe (portal)";
            case EXECUTE, EXECUTE_LIMITED -> "Execute";
            case CLOSE -> "Close";
            case SYNC -> "Sync";
            case FUNCTION -> "a FunctionCall";
        };
    }

    private static ProtocolViolation unexpected(BackendMessage m, String where) {
        return new ProtocolViolation("unexpected " + name(m) + " " + where
                + ": the server's answers are out of step with the requests, so the connection is closed");
    }

    private static String name(BackendMessage m) {
        String s = m.getClass().getSimpleName();
        if (m instanceof CopyResponse c) {
            return "Copy" + switch (c.direction()) {
                case IN -> "In";
                case OUT -> "Out";
                case BOTH -> "Both";
            } + "Response";
        }
        if (m instanceof ReadyForQuery) {
            return "ReadyForQuery";
        }
        return s;
    }
}
