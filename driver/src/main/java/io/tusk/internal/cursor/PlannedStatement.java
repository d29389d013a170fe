package io.tusk.internal.cursor;

import io.tusk.internal.prepare.StatementCache;
import io.tusk.internal.prepare.StatementKey;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import java.util.List;

/**
 * One statement ready to send: its messages (without Sync), the reader of its answer, and what
 * the statement cache decided for it (so that a failure can be reported back to the cache).
 */
public record PlannedStatement(List<FrontendMessage> messages, StatementReply reply, StatementKey key,
        StatementCache.Decision decision, int estimatedSize) {

    public void encode(WriteBuffer out) {
        for (FrontendMessage m : messages) {
            m.encode(out);
        }
    }

    /** True when it runs a prepared statement (Bind of a name). */
    public boolean usesPrepared() {
        return decision.kind() == StatementCache.Kind.YES;
    }

    PlannedStatement withKey(StatementKey k, StatementCache.Decision d) {
        return new PlannedStatement(messages, reply, k, d, estimatedSize);
    }
}
