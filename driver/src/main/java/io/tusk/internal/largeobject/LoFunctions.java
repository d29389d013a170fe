package io.tusk.internal.largeobject;

import io.tusk.errors.InterfaceException;
import io.tusk.internal.async.AsyncSession;
import io.tusk.internal.connection.ConnectionImpl;
import io.tusk.internal.connection.QueryExchange;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.connection.Session;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.protocol.frontend.FunctionCall;
import io.tusk.internal.protocol.frontend.Query;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;

/**
 * The server-side large-object functions called by OID through the fast path (protocol
 * "Function Call"), as libpq's {@code lo_*} functions do. The OIDs are looked up in
 * {@code pg_proc} once per session, blocking or asynchronous (libpq's {@code lo_initialize}), and
 * kept while the session lives. Arguments and results travel in binary: int4, int8, oid (uint4) big-endian, bytea raw.
 */
final class LoFunctions {
    static final int INV_WRITE = 0x00020000;
    static final int INV_READ = 0x00040000;

    private static final List<String> NAMES = List.of("lo_open", "lo_close", "loread", "lowrite", "lo_lseek64",
            "lo_tell64", "lo_truncate64", "lo_creat", "lo_create", "lo_unlink");
    private static final Map<Object, LoFunctions> BY_SESSION = Collections.synchronizedMap(new WeakHashMap<>());
    private static final int[] BINARY = {1};

    private final Map<String, Integer> oids;

    private LoFunctions(Map<String, Integer> oids) {
        this.oids = oids;
    }

    static LoFunctions of(ConnectionImpl conn) {
        Session s = conn.session();
        LoFunctions f = BY_SESSION.get(s);
        if (f == null) {
            f = fromResult(s.run(lookUpExchange()));
            BY_SESSION.put(s, f);
        }
        return f;
    }

    /** The functions of an asynchronous session: looked up once, by an exchange queued like any other. */
    static CompletableFuture<LoFunctions> of(AsyncSession s) {
        LoFunctions f = BY_SESSION.get(s);
        if (f != null) {
            return CompletableFuture.completedFuture(f);
        }
        // A catalog read: it needs no transaction of its own, so none is opened for it.
        return s.submit(st -> new AsyncSession.Planned<>(lookUpExchange(), null)).thenApply(r -> {
            LoFunctions found = fromResult(r);
            BY_SESSION.put(s, found);
            return found;
        });
    }

    /** libpq's {@code lo_initialize}: the OIDs of the functions, read from pg_proc. */
    private static QueryExchange lookUpExchange() {
        StringBuilder in = new StringBuilder();
        for (String n : NAMES) {
            in.append(in.length() == 0 ? "" : ", ").append('\'').append(n).append('\'');
        }
        String sql = "SELECT p.proname, p.oid FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n"
                + " ON n.oid = p.pronamespace WHERE n.nspname = 'pg_catalog' AND p.proname IN (" + in + ")";
        return new QueryExchange(List.of(new Query(sql)), 1);
    }

    private static LoFunctions fromResult(List<QueryResult> r) {
        Map<String, Integer> oids = new HashMap<>();
        for (DataRow row : r.get(0).rows()) {
            oids.put(text(row, 0), Integer.parseUnsignedInt(text(row, 1)));
        }
        for (String n : NAMES) {
            if (!oids.containsKey(n)) {
                throw new InterfaceException("the server has no function pg_catalog." + n
                        + ": large objects need PostgreSQL 9.3 or later (64-bit large-object functions)");
            }
        }
        return new LoFunctions(Map.copyOf(oids));
    }

    private static String text(DataRow row, int c) {
        return new String(row.buffer(), row.offset(c), row.length(c), StandardCharsets.UTF_8);
    }

    /** The call of {@code function} with binary arguments, asking for a binary result. */
    FunctionCall call(String function, byte[]... args) {
        return new FunctionCall(oids.get(function), args.length == 0 ? new int[0] : BINARY, args, 1);
    }

    static byte[] int4(int v) {
        return ByteBuffer.allocate(4).putInt(v).array();
    }

    static byte[] int8(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    /** An OID (uint4) in binary: the low 32 bits. */
    static byte[] oid(long v) {
        return int4((int) v);
    }

    static int toInt4(byte[] b) {
        return ByteBuffer.wrap(b).getInt();
    }

    static long toInt8(byte[] b) {
        return ByteBuffer.wrap(b).getLong();
    }

    static long toOid(byte[] b) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(b).getInt());
    }
}
