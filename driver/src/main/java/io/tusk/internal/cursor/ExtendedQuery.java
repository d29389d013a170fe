package io.tusk.internal.cursor;

import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.protocol.frontend.Bind;
import io.tusk.internal.protocol.frontend.Describe;
import io.tusk.internal.protocol.frontend.Execute;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.protocol.frontend.Parse;
import io.tusk.internal.protocol.frontend.Sync;
import java.util.List;

/**
 * The messages of one statement run with server-side parameters (protocol "Extended Query"):
 * Parse of the unnamed statement, Bind of the unnamed portal, Describe of the portal (for the
 * columns), Execute of every row and Sync, written in one go. This is the one place that
 * chooses them, so that named prepared statements (a Parse once, then Bind/Execute only) and
 * pipelines can be added here.
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
}
