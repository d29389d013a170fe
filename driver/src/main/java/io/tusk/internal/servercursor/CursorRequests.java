package io.tusk.internal.servercursor;

import io.tusk.errors.InterfaceException;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.Exchange;
import io.tusk.internal.connection.QueryExchange;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.cursor.ExtendedQuery;
import io.tusk.internal.protocol.backend.RowDescription;
import io.tusk.internal.protocol.frontend.Bind;
import io.tusk.internal.protocol.frontend.Describe;
import io.tusk.internal.protocol.frontend.Execute;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.protocol.frontend.Parse;
import io.tusk.internal.protocol.frontend.Query;
import io.tusk.internal.protocol.frontend.Sync;
import io.tusk.internal.query.ParsedQuery;
import io.tusk.internal.query.QueryParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The exchanges of a named cursor's life (DECLARE, FETCH, MOVE, CLOSE) and its user errors,
 * shared by the blocking {@link ServerCursorImpl} and the asynchronous server cursor so that the
 * two front ends differ only in how they wait for the answers. Each exchange takes the implicit
 * {@code BEGIN} to send in front of it (null when none is due), as both sessions decide it.
 */
public final class CursorRequests {
    private static final Transformer.Params NONE = new Transformer.Params(new int[0], new int[0], new byte[0][]);

    private CursorRequests() {
    }

    /** The name as a quoted identifier; a ProgrammingException for an empty name or one with NUL. */
    public static String quote(String name) {
        return CursorStatements.quote(name);
    }

    /**
     * The messages declaring the cursor: {@code DECLARE} through the extended protocol with the
     * parameters bound on the server (its query is planned with them), then a Describe of the
     * portal it creates. Values are dumped here, before anything is sent.
     */
    public static List<FrontendMessage> declare(String name, String quoted, Boolean scrollable, boolean withhold, String query,
            Object[] positional, Map<String, ?> named, Transformer tx) {
        boolean none = (positional == null || positional.length == 0) && (named == null || named.isEmpty());
        String sql;
        Transformer.Params params;
        if (none) {
            sql = query;
            params = NONE;
        } else {
            ParsedQuery q = QueryParser.parse(query);
            Object[] values = positional != null ? q.order(positional) : q.order(named);
            sql = q.postgresQuery();
            params = tx.dump(values, q.formats());
        }
        String declare = CursorStatements.declare(quoted, scrollable, withhold, sql);
        return List.of(new Parse("", declare, params.oids()),
                new Bind("", "", params.formats(), params.values(), ExtendedQuery.resultFormats(false)),
                new Execute("", 0), Describe.portal(name), Sync.INSTANCE);
    }

    /** Runs the {@link #declare} messages; its result is the portal's RowDescription (null: no rows). */
    public static Exchange<RowDescription> declareExchange(String begin, List<FrontendMessage> declare) {
        return new DescribedExchange(withBegin(begin, declare), begin == null ? 1 : 2);
    }

    /** {@code FETCH FORWARD count} (all when negative), extended protocol so that binary results apply; the last result is the FETCH's. */
    public static Exchange<List<QueryResult>> fetch(String begin, String quoted, int count, boolean binary) {
        List<FrontendMessage> messages = ExtendedQuery.messages(CursorStatements.fetch(quoted, count), NONE, binary);
        return new QueryExchange(withBegin(begin, messages), begin == null ? 1 : 2);
    }

    /** {@link #fetch} with its answer checked against the cursor's shape ({@link CheckedFetch}). */
    static Exchange<List<QueryResult>> checkedFetch(String begin, CursorState<?> state, int count, boolean binary) {
        return new CheckedFetch(fetch(begin, state.quoted(), count, binary), state);
    }

    /**
     * {@code MOVE} for psycopg's {@code scroll(value, mode)}; {@code mode} is "relative" or
     * "absolute". MOVE ABSOLUTE n leaves the cursor on row n (1-based): the next FETCH returns row
     * n + 1, which is row n counted from 0 as psycopg counts rownumber.
     */
    public static Exchange<List<QueryResult>> move(String begin, String quoted, long value, String mode) {
        String sql = CursorStatements.move(quoted, value, absolute(mode));
        return new QueryExchange(withBegin(begin, List.of(new Query(sql))), begin == null ? 1 : 2);
    }

    /** True for "absolute", false for "relative"; anything else is refused. */
    public static boolean absolute(String mode) {
        if ("relative".equals(mode)) {
            return false;
        } else if ("absolute".equals(mode)) {
            return true;
        }
        throw new IllegalArgumentException("bad scroll mode '" + mode + "': use \"relative\" or \"absolute\"");
    }

    /** {@code CLOSE} on its own: it must not open a transaction (a holdable cursor after commit). */
    public static Exchange<List<QueryResult>> close(String quoted) {
        return new QueryExchange(List.of(new Query(CursorStatements.close(quoted))), 1);
    }

    /** Whether a cursor of that name exists in the session (for one declared elsewhere); rows: one when it does. */
    public static Exchange<List<QueryResult>> exists(String name, Transformer tx) {
        Transformer.Params p = tx.dump(new Object[] {name}, null);
        return new QueryExchange(ExtendedQuery.messages("SELECT 1 FROM pg_catalog.pg_cursors WHERE name = $1", p, false), 1);
    }

    static List<FrontendMessage> withBegin(String begin, List<FrontendMessage> messages) {
        if (begin == null) {
            return messages;
        }
        List<FrontendMessage> all = new ArrayList<>(messages.size() + 1);
        all.add(new Query(begin));
        all.addAll(messages);
        return all;
    }

    // ---- the user errors of both front ends (psycopg's wording where it has one)

    public static ProgrammingException executedTwice(String name) {
        return new ProgrammingException("can't call execute() on named cursor \"" + name + "\" more than once:"
                + " close it and open a new named cursor for another query");
    }

    public static ProgrammingException outsideTransaction(String name) {
        return new ProgrammingException("can't use a named cursor outside of transactions: named cursor \"" + name
                + "\" needs autocommit off, or setWithhold(true) to declare it WITH HOLD");
    }

    /**
     * A cursor without hold declared here ends with its transaction (psycopg2: "named cursor
     * isn't valid anymore"); raised rather than letting a FETCH open a new transaction only to
     * fail in it.
     */
    public static ProgrammingException notValidAnymore(String name) {
        return new ProgrammingException("named cursor \"" + name + "\" isn't valid anymore: the transaction that"
                + " declared it ended; declare it WITH HOLD (setWithhold(true)) to use it after commit");
    }

    public static InterfaceException closed(String name) {
        return new InterfaceException("named cursor \"" + name + "\" is closed");
    }

    public static ProgrammingException setAfterExecute(String what, String name) {
        return new ProgrammingException("can't set " + what + " of named cursor \"" + name + "\" after execute()");
    }
}
