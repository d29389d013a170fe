package io.tusk.internal.protocol;

import io.tusk.internal.protocol.backend.MessageFramer;
import io.tusk.internal.protocol.backend.ReplyOrder;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.frontend.Bind;
import io.tusk.internal.protocol.frontend.CopyDone;
import io.tusk.internal.protocol.frontend.Describe;
import io.tusk.internal.protocol.frontend.Execute;
import io.tusk.internal.protocol.frontend.Flush;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.protocol.frontend.FunctionCall;
import io.tusk.internal.protocol.frontend.Parse;
import io.tusk.internal.protocol.frontend.Query;
import io.tusk.internal.protocol.frontend.Sync;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order of the server's answers, checked against scripted requests and replies. */
class ReplyOrderTest {
    private final ReplyOrder order = new ReplyOrder();

    private void send(FrontendMessage... messages) {
        WriteBuffer out = new WriteBuffer();
        for (FrontendMessage m : messages) {
            m.encode(out);
        }
        order.sent(out.array(), 0, out.size());
    }

    private void receive(BackendBytes bytes) {
        MessageFramer f = new MessageFramer();
        byte[] b = bytes.toByteArray();
        f.feed(b, 0, b.length);
        BackendMessage m;
        while ((m = f.next()) != null) {
            order.received(m);
        }
    }

    private static Parse parse() {
        return new Parse("", "SELECT 1", new int[0]);
    }

    private static Bind bind() {
        return new Bind("", "", new int[0], new byte[0][], new int[0]);
    }

    private static ProtocolViolation violation(Runnable r) {
        return assertThrows(ProtocolViolation.class, r::run);
    }

    @Test
    void simpleQueryWithRowsThenReady() {
        send(new Query("SELECT 1; SELECT 2"));
        receive(new BackendBytes().rowDescription("a", 23).dataRowText("1").commandComplete("SELECT 1")
                .rowDescription("b", 23).dataRowText("2").commandComplete("SELECT 1").readyForQuery('I'));
        assertTrue(order.idle());
    }

    @Test
    void aSecondReadyForQueryIsRefused() {
        send(new Query("SELECT 1"));
        receive(new BackendBytes().rowDescription("a", 23).dataRowText("1").commandComplete("SELECT 1").readyForQuery('I'));
        ProtocolViolation e = violation(() -> receive(new BackendBytes().readyForQuery('I')));
        assertTrue(e.getMessage().contains("ReadyForQuery while no command runs"), e.getMessage());
    }

    @Test
    void aReadyForQueryWithoutAnyResultIsRefused() {
        send(new Query("SELECT 1"));
        violation(() -> receive(new BackendBytes().readyForQuery('I')));
    }

    @Test
    void dataRowBeforeRowDescriptionIsRefused() {
        send(new Query("SELECT 1"));
        violation(() -> receive(new BackendBytes().dataRowText("1")));
    }

    @Test
    void bindCompleteNobodyAskedForIsRefused() {
        send(new Query("SELECT 1"));
        violation(() -> receive(new BackendBytes().bindComplete()));
    }

    @Test
    void copyDataOutsideCopyIsRefused() {
        send(new Query("SELECT 1"));
        violation(() -> receive(new BackendBytes().rowDescription("a", 23).copyData(new byte[] {1})));
    }

    @Test
    void aStrayParseCompleteIsRefused() {
        send(parse(), bind(), Describe.portal(""), new Execute("", 0), Sync.INSTANCE);
        violation(() -> receive(new BackendBytes().parseComplete().parseComplete()));
    }

    @Test
    void extendedQueryInItsOrder() {
        send(parse(), bind(), Describe.portal(""), new Execute("", 0), Sync.INSTANCE);
        receive(new BackendBytes().parseComplete().bindComplete().rowDescription("a", 23).dataRowText("1")
                .commandComplete("SELECT 1").readyForQuery('I'));
        assertTrue(order.idle());
    }

    @Test
    void rowDescriptionAfterCommandCompleteIsRefused() {
        send(parse(), bind(), Describe.portal(""), new Execute("", 0), Sync.INSTANCE);
        violation(() -> receive(new BackendBytes().parseComplete().bindComplete().rowDescription("a", 23)
                .commandComplete("SELECT 1").rowDescription("a", 23)));
    }

    @Test
    void anErrorSkipsEverythingUpToSync() {
        send(parse(), bind(), Describe.portal(""), new Execute("", 0), Sync.INSTANCE);
        receive(new BackendBytes().errorResponse("42601", "syntax error").readyForQuery('I'));
        assertTrue(order.idle());
    }

    @Test
    void messagesSentAfterAnErrorAndBeforeSyncAreNotAnswered() {
        send(parse(), bind(), new Execute("", 0), Flush.INSTANCE);
        receive(new BackendBytes().errorResponse("42601", "syntax error"));
        send(parse(), bind(), new Execute("", 0), Sync.INSTANCE);
        violation(() -> receive(new BackendBytes().parseComplete()));
    }

    @Test
    void anErrorAtSyncIsTheImplicitCommitFailing() {
        send(parse(), bind(), new Execute("", 0), Sync.INSTANCE);
        receive(new BackendBytes().parseComplete().bindComplete().commandComplete("INSERT 0 1")
                .errorResponse("23503", "deferred constraint").readyForQuery('I'));
        assertTrue(order.idle());
    }

    @Test
    void portalSuspendedOnlyWithARowLimit() {
        send(parse(), bind(), new Execute("", 10), Flush.INSTANCE);
        receive(new BackendBytes().parseComplete().bindComplete().dataRowText("1").portalSuspended());
        send(new Execute("", 0), Sync.INSTANCE);
        violation(() -> receive(new BackendBytes().portalSuspended()));
    }

    @Test
    void copyOutAndCopyInInASimpleQuery() {
        send(new Query("COPY t TO STDOUT"));
        receive(new BackendBytes().copyOutResponse(0, 0).copyData(new byte[] {'1', '\n'}).copyDone()
                .commandComplete("COPY 1").readyForQuery('I'));
        send(new Query("COPY t FROM STDIN"));
        receive(new BackendBytes().copyInResponse(0, 0));
        send(CopyDone.INSTANCE);
        receive(new BackendBytes().commandComplete("COPY 0").readyForQuery('I'));
        assertTrue(order.idle());
    }

    @Test
    void copyDataAfterCopyDoneIsRefused() {
        send(new Query("COPY t TO STDOUT"));
        violation(() -> receive(new BackendBytes().copyOutResponse(0, 0).copyDone().copyData(new byte[] {1})));
    }

    @Test
    void functionCallNeedsItsResponseBeforeReady() {
        send(new FunctionCall(954, new int[0], new byte[0][], 1));
        violation(() -> receive(new BackendBytes().readyForQuery('T')));
    }

    @Test
    void functionCallAnswered() {
        send(new FunctionCall(954, new int[0], new byte[0][], 1));
        receive(new BackendBytes().functionCallResponse(new byte[] {0, 0, 0, 1}).readyForQuery('T'));
        assertTrue(order.idle());
    }

    @Test
    void asynchronousMessagesComeAnyTimeAndAFatalErrorToo() {
        receive(new BackendBytes().noticeResponse(Map.of('S', "NOTICE", 'M', "hi")).parameterStatus("TimeZone", "UTC")
                .notificationResponse(1, "c", "p").errorResponse(Map.of('S', "FATAL", 'V', "FATAL", 'C', "57P01",
                        'M', "terminating connection due to administrator command")));
        violation(() -> receive(new BackendBytes().errorResponse("42601", "an error for nothing")));
    }

    @Test
    void requestsArriveInPieces() {
        WriteBuffer out = new WriteBuffer();
        parse().encode(out);
        bind().encode(out);
        new Execute("a_portal_name", 5).encode(out);
        Sync.INSTANCE.encode(out);
        for (int i = 0; i < out.size(); i++) {
            order.sent(out.array(), i, 1);
        }
        assertDoesNotThrow(() -> receive(new BackendBytes().parseComplete().bindComplete().dataRowText("1")
                .portalSuspended().readyForQuery('T')));
        assertTrue(order.idle());
    }

    @Test
    void describeStatementAnswersParametersThenColumns() {
        send(new Parse("s", "SELECT $1", new int[] {23}), Describe.statement("s"), Sync.INSTANCE);
        receive(new BackendBytes().parseComplete().parameterDescription(23).rowDescription("a", 23).readyForQuery('I'));
        send(Describe.statement("s"), Sync.INSTANCE);
        violation(() -> receive(new BackendBytes().rowDescription("a", 23)));
    }
}
