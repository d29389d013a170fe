package io.tusk.internal.protocol;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One valid example of every backend message type, for the framer, malformed-input and fuzz tests. */
public final class BackendSamples {
    private BackendSamples() {
    }

    /** Each element is one complete message: type byte, length word, payload. */
    public static List<byte[]> messages() {
        Map<Character, String> error = new LinkedHashMap<>();
        error.put('S', "ERROR");
        error.put('C', "22012");
        error.put('M', "division by zero");
        Map<Character, String> notice = new LinkedHashMap<>();
        notice.put('S', "NOTICE");
        notice.put('M', "hi");
        return List.of(
                one(new BackendBytes().authenticationOk()),
                one(new BackendBytes().authenticationCleartextPassword()),
                one(new BackendBytes().authenticationMd5Password(new byte[] {1, 2, 3, 4})),
                one(new BackendBytes().authenticationSasl("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256")),
                one(new BackendBytes().authenticationSaslContinue(Wire.hex("'r=abc,s=c2FsdA==,i=4096'"))),
                one(new BackendBytes().authenticationSaslFinal(Wire.hex("'v=AAAA'"))),
                one(new BackendBytes().message('R').int32(8).hex("aabbcc")),
                one(new BackendBytes().backendKeyData(1234, Wire.sequence(32))),
                one(new BackendBytes().parameterStatus("client_encoding", "UTF8")),
                one(new BackendBytes().readyForQuery('I')),
                one(new BackendBytes().readyForQuery('T')),
                one(new BackendBytes().readyForQuery('E')),
                one(new BackendBytes().parseComplete()),
                one(new BackendBytes().bindComplete()),
                one(new BackendBytes().closeComplete()),
                one(new BackendBytes().noData()),
                one(new BackendBytes().portalSuspended()),
                one(new BackendBytes().emptyQueryResponse()),
                one(new BackendBytes().parameterDescription(23, 25)),
                one(new BackendBytes().message('T').int16(2).field("id", 16384, 1, 23, 4, -1, 0)
                        .field("name", 0, 0, 25, -1, -1, 1)),
                one(new BackendBytes().dataRowText("42", null, "")),
                one(new BackendBytes().dataRow()),
                one(new BackendBytes().commandComplete("SELECT 1")),
                one(new BackendBytes().commandComplete("INSERT 0 5")),
                one(new BackendBytes().errorResponse(error)),
                one(new BackendBytes().noticeResponse(notice)),
                one(new BackendBytes().notificationResponse(1234, "jobs", "42")),
                one(new BackendBytes().copyInResponse(0, 0, 0)),
                one(new BackendBytes().copyOutResponse(1, 1, 1, 1)),
                one(new BackendBytes().copyBothResponse(0)),
                one(new BackendBytes().copyData(Wire.hex("'1' 09 'a' 0a"))),
                one(new BackendBytes().copyDone()),
                one(new BackendBytes().functionCallResponse(Wire.hex("00000001"))),
                one(new BackendBytes().functionCallResponse(null)),
                one(new BackendBytes().negotiateProtocolVersion(0x00030000, "_pq_.foo")));
    }

    /** Every sample, once, in one stream. */
    public static byte[] stream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] m : messages()) {
            out.writeBytes(m);
        }
        return out.toByteArray();
    }

    private static byte[] one(BackendBytes b) {
        return b.toByteArray();
    }
}
