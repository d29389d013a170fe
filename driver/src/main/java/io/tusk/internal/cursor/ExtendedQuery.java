package io.tusk.internal.cursor;

import io.tusk.adapt.AdaptersMap;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.prepare.PreparedStatement;
import io.tusk.internal.prepare.ResultFormats;
import io.tusk.internal.prepare.StatementCache;
import io.tusk.internal.prepare.StatementKey;
import io.tusk.internal.protocol.backend.RowDescription;
import io.tusk.internal.protocol.frontend.Bind;
import io.tusk.internal.protocol.frontend.Close;
import io.tusk.internal.protocol.frontend.Describe;
import io.tusk.internal.protocol.frontend.Execute;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.protocol.frontend.Parse;
import io.tusk.internal.protocol.frontend.Sync;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of one statement run with server-side parameters (protocol "Extended Query").
 * This is the one place that chooses them:
 * <ul>
 * <li>not prepared: Parse of the unnamed statement, Bind of the unnamed portal, Describe of the
 * portal (for the columns), Execute;
 * <li>being prepared: Parse under the statement's name, Bind, Describe of the portal (its
 * answer is cached with the statement), Execute;
 * <li>prepared: Bind of the name and Execute only; the columns come from the cache, and the
 * Bind asks for binary results for every column whose type has a binary loader.
 * </ul>
 * Close messages of statements the cache deallocates go in front. The caller adds Sync (one
 * statement) or not (a pipeline).
 */
public final class ExtendedQuery {
    private static final int[] ALL_TEXT = new int[0];
    private static final int[] ALL_BINARY = {1};

    private ExtendedQuery() {
    }

    /** Result format codes for Bind: none (all text), or a single 1 (every column binary). */
    public static int[] resultFormats(boolean binary) {
        return binary ? ALL_BINARY : ALL_TEXT;
    }

    /** Parse/Bind/Describe/Execute/Sync of {@code sql} ({@code $n} placeholders) with dumped parameters. */
    public static List<FrontendMessage> messages(String sql, Transformer.Params params, boolean binary) {
        return List.of(new Parse("", sql, params.oids()), bind(params, binary), Describe.portal(""),
                new Execute("", 0), Sync.INSTANCE);
    }

    /** The Bind of the unnamed portal from the unnamed statement. */
    public static Bind bind(Transformer.Params params, boolean binary) {
        return new Bind("", "", params.formats(), params.values(), resultFormats(binary));
    }

    /**
     * Plans one statement: asks the cache (null: never prepare) whether it is prepared, and
     * builds its messages, without Sync. Registers the execution with the cache, so call it
     * only for a statement that is then sent.
     *
     * @param prepare the cursor's choice: TRUE always, FALSE never, null by the threshold
     */
    public static PlannedStatement plan(String sql, Transformer.Params params, boolean binary, Boolean prepare,
            StatementCache cache, AdaptersMap adapters) {
        int size = sql.length() + 32;
        for (byte[] v : params.values()) {
            size += v == null ? 4 : v.length + 4;
        }
        if (cache == null) {
            return unnamed(sql, params, binary, List.of(), size);
        }
        StatementKey key = cache.key(sql, params.oids());
        StatementCache.Decision d = cache.decide(key, prepare);
        List<String> closes = cache.enqueued(key, d);
        List<FrontendMessage> out = new ArrayList<>(closes.size() + 4);
        for (String name : closes) {
            out.add(Close.statement(name));
        }
        PreparedStatement p = d.statement();
        StatementReply reply;
        switch (d.kind()) {
            case NO -> {
                return unnamed(sql, params, binary, out, size).withKey(key, d);
            }
            case SHOULD -> {
                out.add(new Parse(p.name(), sql, params.oids()));
                out.add(new Bind("", p.name(), params.formats(), params.values(), resultFormats(binary)));
                out.add(Describe.portal(""));
                reply = new StatementReply(null, p);
            }
            default -> {
                if (p.described()) {
                    RowDescription cached = p.description();
                    int[] formats = cached == null ? ALL_TEXT : binary ? ALL_BINARY : ResultFormats.choose(cached, adapters);
                    out.add(new Bind("", p.name(), params.formats(), params.values(), formats));
                    reply = new StatementReply(cached == null ? null : p.description(formats), null);
                } else {
                    // Queued in a pipeline before the Describe of its preparation was answered.
                    out.add(new Bind("", p.name(), params.formats(), params.values(), resultFormats(binary)));
                    out.add(Describe.portal(""));
                    reply = new StatementReply(null, null);
                }
            }
        }
        out.add(new Execute("", 0));
        return new PlannedStatement(out, reply, key, d, size);
    }

    private static PlannedStatement unnamed(String sql, Transformer.Params params, boolean binary,
            List<FrontendMessage> head, int size) {
        List<FrontendMessage> out = new ArrayList<>(head.size() + 4);
        out.addAll(head);
        out.add(new Parse("", sql, params.oids()));
        out.add(bind(params, binary));
        out.add(Describe.portal(""));
        out.add(new Execute("", 0));
        return new PlannedStatement(out, new StatementReply(null, null), null,
                new StatementCache.Decision(StatementCache.Kind.NO, null), size);
    }
}
