package io.tusk.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds what a PostgreSQL server would send, as bytes, so tests can script a server without
 * one: each {@link #message(char)} starts a message and the length word is filled in when the
 * next one starts (or at {@link #end()} / {@link #toByteArray()}).
 *
 * <pre>{@code
 * byte[] reply = new BackendBytes()
 *         .authenticationOk()
 *         .parameterStatus("server_version", "17.2")
 *         .backendKeyData(4242, new byte[] {1, 2, 3, 4})
 *         .message('Z').int1('I')          // the same as .readyForQuery('I')
 *         .toByteArray();
 * }</pre>
 *
 * Malformed input is built the same way: {@link #length(int)} overrides the length word the
 * builder would compute, {@link #raw(byte...)} appends bytes outside any message.
 */
public final class BackendBytes {
    private byte[] buf = new byte[256];
    private int size;
    /** Where the current message's length word is, or -1 between messages. */
    private int lengthAt = -1;
    /** A length word to write instead of the true one, or null. */
    private Integer forcedLength;

    /** Starts a message of this type; the previous one, if any, ends. */
    public BackendBytes message(char type) {
        end();
        put((byte) type);
        lengthAt = size;
        return int32(0);
    }

    /** Ends the current message, writing its length word (the true one unless overridden). */
    public BackendBytes end() {
        if (lengthAt >= 0) {
            int len = forcedLength != null ? forcedLength : size - lengthAt;
            buf[lengthAt] = (byte) (len >>> 24);
            buf[lengthAt + 1] = (byte) (len >>> 16);
            buf[lengthAt + 2] = (byte) (len >>> 8);
            buf[lengthAt + 3] = (byte) len;
            lengthAt = -1;
            forcedLength = null;
        }
        return this;
    }

    /** Makes the current message's length word say {@code len}, whatever its content. */
    public BackendBytes length(int len) {
        if (lengthAt < 0) {
            throw new IllegalStateException("no message started");
        }
        forcedLength = len;
        return this;
    }

    public BackendBytes int1(int v) {
        return put((byte) v);
    }

    public BackendBytes int16(int v) {
        return put((byte) (v >>> 8), (byte) v);
    }

    public BackendBytes int32(int v) {
        return put((byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v);
    }

    public BackendBytes int64(long v) {
        return int32((int) (v >>> 32)).int32((int) v);
    }

    /** A NUL-terminated string in UTF-8. */
    public BackendBytes cstring(String s) {
        return put(s.getBytes(StandardCharsets.UTF_8)).put((byte) 0);
    }

    public BackendBytes bytes(byte[] b) {
        return put(b);
    }

    /** Bytes in {@link Wire#hex(String)} notation. */
    public BackendBytes hex(String notation) {
        return put(Wire.hex(notation));
    }

    /** Bytes outside any message: the 'S'/'N' answer to SSLRequest, or garbage. */
    public BackendBytes raw(byte... b) {
        end();
        return put(b);
    }

    /** Everything built so far; the current message is ended first. */
    public byte[] toByteArray() {
        end();
        return Arrays.copyOf(buf, size);
    }

    // The messages a scripted server sends most ("Message Formats", marked B).

    public BackendBytes authenticationOk() {
        return message('R').int32(0);
    }

    public BackendBytes authenticationCleartextPassword() {
        return message('R').int32(3);
    }

    public BackendBytes authenticationMd5Password(byte[] salt) {
        return message('R').int32(5).bytes(salt);
    }

    public BackendBytes authenticationSasl(String... mechanisms) {
        message('R').int32(10);
        for (String m : mechanisms) {
            cstring(m);
        }
        return int1(0);
    }

    public BackendBytes authenticationSaslContinue(byte[] data) {
        return message('R').int32(11).bytes(data);
    }

    public BackendBytes authenticationSaslFinal(byte[] data) {
        return message('R').int32(12).bytes(data);
    }

    public BackendBytes parameterStatus(String name, String value) {
        return message('S').cstring(name).cstring(value);
    }

    public BackendBytes backendKeyData(int processId, byte[] secretKey) {
        return message('K').int32(processId).bytes(secretKey);
    }

    /** ReadyForQuery with status 'I' (idle), 'T' (in a transaction) or 'E' (failed transaction). */
    public BackendBytes readyForQuery(char status) {
        return message('Z').int1(status);
    }

    public BackendBytes parseComplete() {
        return message('1');
    }

    public BackendBytes bindComplete() {
        return message('2');
    }

    public BackendBytes closeComplete() {
        return message('3');
    }

    public BackendBytes noData() {
        return message('n');
    }

    public BackendBytes portalSuspended() {
        return message('s');
    }

    public BackendBytes emptyQueryResponse() {
        return message('I');
    }

    public BackendBytes parameterDescription(int... typeOids) {
        message('t').int16(typeOids.length);
        for (int oid : typeOids) {
            int32(oid);
        }
        return this;
    }

    /** A RowDescription of columns not from a table, each {@code name, typeOid} in text format. */
    public BackendBytes rowDescription(Object... nameTypePairs) {
        message('T').int16(nameTypePairs.length / 2);
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            field((String) nameTypePairs[i], 0, 0, (Integer) nameTypePairs[i + 1], -1, -1, 0);
        }
        return this;
    }

    /** One field of a RowDescription started with {@code message('T').int16(n)}. */
    public BackendBytes field(String name, int tableOid, int column, int typeOid, int typeSize, int typeModifier,
            int format) {
        return cstring(name).int32(tableOid).int16(column).int32(typeOid).int16(typeSize).int32(typeModifier)
                .int16(format);
    }

    /** A DataRow of raw values, {@code null} for SQL NULL. */
    public BackendBytes dataRow(byte[]... values) {
        message('D').int16(values.length);
        for (byte[] v : values) {
            if (v == null) {
                int32(-1);
            } else {
                int32(v.length).bytes(v);
            }
        }
        return this;
    }

    /** A DataRow of text values in UTF-8, {@code null} for SQL NULL. */
    public BackendBytes dataRowText(String... values) {
        byte[][] raw = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            raw[i] = values[i] == null ? null : values[i].getBytes(StandardCharsets.UTF_8);
        }
        return dataRow(raw);
    }

    public BackendBytes commandComplete(String tag) {
        return message('C').cstring(tag);
    }

    /** An ErrorResponse with severity ERROR, the SQLSTATE and the primary message. */
    public BackendBytes errorResponse(String sqlstate, String message) {
        Map<Character, String> fields = new LinkedHashMap<>();
        fields.put('S', "ERROR");
        fields.put('V', "ERROR");
        fields.put('C', sqlstate);
        fields.put('M', message);
        return errorResponse(fields);
    }

    /** An ErrorResponse with these fields (iteration order of the map). */
    public BackendBytes errorResponse(Map<Character, String> fields) {
        return diagnostic('E', fields);
    }

    public BackendBytes noticeResponse(Map<Character, String> fields) {
        return diagnostic('N', fields);
    }

    private BackendBytes diagnostic(char type, Map<Character, String> fields) {
        message(type);
        for (Map.Entry<Character, String> f : fields.entrySet()) {
            int1(f.getKey()).cstring(f.getValue());
        }
        return int1(0);
    }

    public BackendBytes notificationResponse(int processId, String channel, String payload) {
        return message('A').int32(processId).cstring(channel).cstring(payload);
    }

    public BackendBytes copyInResponse(int format, int... columnFormats) {
        return copyResponse('G', format, columnFormats);
    }

    public BackendBytes copyOutResponse(int format, int... columnFormats) {
        return copyResponse('H', format, columnFormats);
    }

    public BackendBytes copyBothResponse(int format, int... columnFormats) {
        return copyResponse('W', format, columnFormats);
    }

    private BackendBytes copyResponse(char type, int format, int[] columnFormats) {
        message(type).int1(format).int16(columnFormats.length);
        for (int f : columnFormats) {
            int16(f);
        }
        return this;
    }

    public BackendBytes copyData(byte[] data) {
        return message('d').bytes(data);
    }

    public BackendBytes copyDone() {
        return message('c');
    }

    /** A FunctionCallResponse; {@code null} for a NULL result. */
    public BackendBytes functionCallResponse(byte[] result) {
        message('V');
        return result == null ? int32(-1) : int32(result.length).bytes(result);
    }

    public BackendBytes negotiateProtocolVersion(int version, String... unrecognizedOptions) {
        message('v').int32(version).int32(unrecognizedOptions.length);
        for (String o : unrecognizedOptions) {
            cstring(o);
        }
        return this;
    }

    private BackendBytes put(byte... b) {
        if (size + b.length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + b.length));
        }
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }
}
