package io.tusk.cli;

import io.tusk.Connection;
import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import java.nio.charset.Charset;

/**
 * Makes a connection load every value as the text the server sent, untouched: what psql
 * prints. Statements without parameters go with the simple query protocol, whose results are
 * always in text format (protocol "Simple Query": "the data is always returned in text
 * format"), so a loader that only decodes the bytes gives PostgreSQL's own output
 * ({@code NaN}, {@code infinity}, {@code {a,"b c"}}, {@code 1 day 02:00:00}) for any type.
 *
 * <p>Types without a loader of their own already load as text; the built-in ones are those
 * with OIDs below 16384 (FirstNormalObjectId, PostgreSQL's {@code access/transam.h}), so a text
 * loader registered for each of them covers them all without asking the catalog.
 *
 * <p>Example: {@code RawText.install(conn); conn.execute("SELECT 'NaN'::numeric").fetchone().get(0)} is {@code "NaN"}.
 */
final class RawText {
    /** OIDs below this are assigned by initdb: the built-in types (transam.h's FirstNormalObjectId). */
    private static final int FIRST_NORMAL_OBJECT_ID = 16384;

    private RawText() {
    }

    static void install(Connection conn) {
        AdaptersMap adapters = conn.adapters();
        Loader<String> text = new TextLoader(null);
        for (int oid = 1; oid < FIRST_NORMAL_OBJECT_ID; oid++) {
            adapters.registerLoader(oid, Format.TEXT, text);
        }
    }

    /** The bytes decoded in the client encoding (bound per column by {@link #in}). */
    private record TextLoader(Charset charset) implements Loader<String> {
        @Override
        public String load(byte[] data, int offset, int length) {
            return new String(data, offset, length, charset == null ? java.nio.charset.StandardCharsets.UTF_8 : charset);
        }

        @Override
        public Loader<String> in(AdaptContext context) {
            return new TextLoader(context.charset());
        }
    }
}
