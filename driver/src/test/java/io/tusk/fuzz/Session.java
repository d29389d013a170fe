package io.tusk.fuzz;

import io.tusk.internal.protocol.BackendBytes;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One connection of {@link FakePostgres}: start-up, then the frontend messages in order, answered
 * as the protocol's "Message Flow" chapter says (errors in extended query skip to Sync, COPY
 * in ignores Flush and Sync until CopyDone or CopyFail).
 */
final class Session {
    private final Socket socket;
    private final FakePostgres.FrontendReader in;
    private final FakePostgres.Writer out;
    private final FakePostgres.Auth auth;
    private final Mutation startupMutation;
    private final FakePostgres.Plan plan;
    private final ReplyModel model;
    private final List<byte[]> pending = new ArrayList<>();
    private final Map<String, Object[]> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();
    private boolean skipToSync;
    private boolean hungUp;

    /** A bound portal: its statement, parameters as text, result formats, and the rows left. */
    private static final class Portal {
        String sql;
        String[] params;
        int[] paramTypes;
        int[] formats;
        ReplyModel.Result result;
        int at;
    }

    Session(Socket socket, FakePostgres.Record record, FakePostgres.Auth auth, Mutation startupMutation,
            FakePostgres.Plan plan, int pid) throws IOException {
        this.socket = socket;
        this.in = new FakePostgres.FrontendReader(new DataInputStream(new BufferedInputStream(socket.getInputStream())));
        this.out = new FakePostgres.Writer(socket, record);
        this.auth = auth;
        this.startupMutation = startupMutation;
        this.plan = plan;
        this.model = new ReplyModel(pid);
    }

    void run() throws IOException {
        if (!startup()) {
            return;
        }
        while (!hungUp) {
            char type = in.type();
            byte[] payload = in.payload();
            if (type == 'X') {
                return;
            }
            handle(type, new Payload(payload));
        }
    }

    // ---- start-up ("Start-up" in "Message Flow") ----

    private boolean startup() throws IOException {
        byte[] packet = in.startupPacket();
        int code = ByteBuffer.wrap(packet).getInt();
        while (code == 80877103 || code == 80877104) {
            // SSLRequest / GSSENCRequest: this server speaks neither, as a server without TLS answers
            socket.getOutputStream().write('N');
            packet = in.startupPacket();
            code = ByteBuffer.wrap(packet).getInt();
        }
        if (code >>> 16 != 3) {
            return false;
        }
        List<byte[]> first = new ArrayList<>();
        if ((code & 0xffff) != 0) {
            // a PostgreSQL 17 server answers a request for 3.2 with the newest minor it speaks
            first.add(new BackendBytes().negotiateProtocolVersion(0x00030000).toByteArray());
        }
        if (auth == FakePostgres.Auth.TRUST) {
            first.addAll(ready());
            return write(first, startupMutation) && endStartup();
        }
        if (auth == FakePostgres.Auth.CLEARTEXT) {
            first.add(new BackendBytes().authenticationCleartextPassword().toByteArray());
            if (!write(first, startupMutation) || !expect('p')) {
                return false;
            }
            String password = new Payload(in.payload()).cstring();
            if (!password.equals(FakePostgres.PASSWORD)) {
                return refuse();
            }
            List<byte[]> done = new ArrayList<>(ready());
            return write(done, startupMutation) && endStartup();
        }
        first.add(new BackendBytes().authenticationSasl("SCRAM-SHA-256").toByteArray());
        if (!write(first, startupMutation) || !expect('p')) {
            return false;
        }
        Payload initial = new Payload(in.payload());
        String mechanism = initial.cstring();
        int len = initial.int32();
        String clientFirst = len < 0 ? "" : new String(initial.bytes(len), StandardCharsets.UTF_8);
        ScramServer scram = new ScramServer(FakePostgres.PASSWORD, "fuzzServerNonce" + model.pid);
        String serverFirst = mechanism.equals("SCRAM-SHA-256") ? scram.first(clientFirst) : null;
        if (serverFirst == null) {
            return refuse();
        }
        List<byte[]> cont = List.of(new BackendBytes().authenticationSaslContinue(bytes(serverFirst)).toByteArray());
        if (!write(cont, startupMutation) || !expect('p')) {
            return false;
        }
        String serverFinal = scram.last(new String(in.payload(), StandardCharsets.UTF_8));
        if (serverFinal == null) {
            return refuse();
        }
        List<byte[]> done = new ArrayList<>();
        done.add(new BackendBytes().authenticationSaslFinal(bytes(serverFinal)).toByteArray());
        done.addAll(ready());
        return write(done, startupMutation) && endStartup();
    }

    private boolean endStartup() {
        out.endStartup();
        return true;
    }

    private boolean expect(char type) throws IOException {
        return in.type() == type;
    }

    /** As PostgreSQL answers a failed authentication: FATAL 28P01, then it hangs up. */
    private boolean refuse() throws IOException {
        out.flush(List.of(new BackendBytes().errorResponse(Map.of('S', "FATAL", 'V', "FATAL", 'C', "28P01",
                'M', "password authentication failed for user \"fuzz\"")).toByteArray()), null);
        return false;
    }

    private static byte[] authOk() {
        return new BackendBytes().authenticationOk().toByteArray();
    }

    /** AuthenticationOk and what PostgreSQL 17 sends after it, up to the first ReadyForQuery. */
    private List<byte[]> ready() {
        List<byte[]> m = new ArrayList<>();
        m.add(authOk());
        String[][] params = {{"application_name", ""}, {"client_encoding", "UTF8"}, {"DateStyle", "ISO, MDY"},
            {"default_transaction_read_only", "off"}, {"in_hot_standby", "off"}, {"integer_datetimes", "on"},
            {"IntervalStyle", "postgres"}, {"is_superuser", "off"}, {"scram_iterations", "4096"},
            {"server_encoding", "UTF8"}, {"server_version", "17.2"}, {"session_authorization", "fuzz"},
            {"standard_conforming_strings", "on"}, {"TimeZone", "UTC"}};
        for (String[] p : params) {
            m.add(new BackendBytes().parameterStatus(p[0], p[1]).toByteArray());
        }
        m.add(new BackendBytes().backendKeyData(model.pid, new byte[] {1, 2, 3, 4}).toByteArray());
        m.add(new BackendBytes().readyForQuery('I').toByteArray());
        return m;
    }

    // ---- after start-up ----

    private void handle(char type, Payload p) throws IOException {
        switch (type) {
            case 'Q' -> simpleQuery(p.cstring());
            case 'S' -> {
                skipToSync = false;
                portals.remove("");
                pending.add(new BackendBytes().readyForQuery(model.status).toByteArray());
                flush();
            }
            case 'H' -> flush();
            default -> {
                if (!skipToSync) {
                    extended(type, p);
                }
            }
        }
    }

    private void simpleQuery(String sql) throws IOException {
        boolean listen = false;
        for (String statement : split(sql)) {
            String low = statement.strip().toLowerCase(Locale.ROOT);
            listen |= low.startsWith("listen");
            ReplyModel.Result r = model.run(statement, new String[0], null);
            if (!emit(r, null, 0, new int[1]) || hungUp) {
                break;
            }
            if (low.startsWith("notify") || low.startsWith("select pg_notify")) {
                pending.addAll(model.notifications("fuzz"));
            }
        }
        if (hungUp) {
            return;
        }
        if (split(sql).isEmpty()) {
            pending.add(new BackendBytes().emptyQueryResponse().toByteArray());
        }
        pending.add(new BackendBytes().readyForQuery(model.status).toByteArray());
        flush();
        if (listen && !hungUp) {
            // a notification from another session, arriving while this one is idle
            pending.addAll(model.notifications("fuzz"));
            pending.addAll(model.notifications("again"));
            flush();
        }
    }

    /**
     * Emits a statement's reply (rows from {@code at[0]}, at most {@code max} when positive, then
     * PortalSuspended). Returns false after an error.
     */
    private boolean emit(ReplyModel.Result r, int[] formats, int max, int[] at) throws IOException {
        if (r.error() != null) {
            pending.add(new BackendBytes().errorResponse(r.error()[0], r.error()[1]).toByteArray());
            if (model.status == 'T') {
                model.status = 'E';
            }
            return false;
        }
        if (r.copy() == 1 || r.copy() == 3) {
            return copyIn(r.copy() == 3);
        }
        if (r.copy() == 2 || r.copy() == 4) {
            boolean binary = r.copy() == 4;
            pending.add(new BackendBytes().copyOutResponse(binary ? 1 : 0, binary ? new int[] {1, 1} : new int[] {0, 0}).toByteArray());
            if (binary) {
                pending.add(new BackendBytes().copyData(ReplyModel.binaryCopy(r.rows())).toByteArray());
            } else {
                for (String[] row : r.rows()) {
                    pending.add(new BackendBytes().copyData(bytes(String.join("\t", row) + "\n")).toByteArray());
                }
            }
            pending.add(new BackendBytes().copyDone().toByteArray());
            pending.add(new BackendBytes().commandComplete(r.tag()).toByteArray());
            return true;
        }
        if (r.tag() != null && r.tag().isEmpty()) {
            pending.add(new BackendBytes().emptyQueryResponse().toByteArray());
            return true;
        }
        if (r.types() != null && formats == null) {
            pending.add(ReplyModel.rowDescription(r, null));
        }
        int n = r.rows().size();
        int end = max > 0 ? Math.min(n, at[0] + max) : n;
        for (int i = at[0]; i < end; i++) {
            pending.add(ReplyModel.dataRow(r, r.rows().get(i), formats));
        }
        at[0] = end;
        if (max > 0 && end < n) {
            pending.add(new BackendBytes().portalSuspended().toByteArray());
        } else {
            pending.add(new BackendBytes().commandComplete(r.tag()).toByteArray());
        }
        return true;
    }

    /** COPY FROM STDIN: CopyInResponse, then CopyData until CopyDone or CopyFail ("COPY Operations"). */
    private boolean copyIn(boolean binary) throws IOException {
        pending.add(new BackendBytes().copyInResponse(binary ? 1 : 0, binary ? new int[] {1, 1} : new int[] {0, 0}).toByteArray());
        flush();
        long rows = 0;
        while (!hungUp) {
            char type = in.type();
            byte[] data = in.payload();
            if (type == 'd') {
                for (byte b : data) {
                    rows += b == '\n' ? 1 : 0;
                }
            } else if (type == 'c') {
                pending.add(new BackendBytes().commandComplete("COPY " + (binary ? 1 : rows)).toByteArray());
                return true;
            } else if (type == 'f') {
                pending.add(new BackendBytes().errorResponse("57014", "COPY from stdin failed: "
                        + new Payload(data).cstring()).toByteArray());
                if (model.status == 'T') {
                    model.status = 'E';
                }
                return false;
            } else if (type == 'X') {
                hungUp = true;
            } else if (type != 'H' && type != 'S') {
                pending.add(new BackendBytes().errorResponse("08P01", "unexpected message type 0x"
                        + Integer.toHexString(type) + " during COPY from stdin").toByteArray());
                return false;
            }
        }
        return false;
    }

    private void extended(char type, Payload p) throws IOException {
        switch (type) {
            case 'P' -> {
                String name = p.cstring();
                String sql = p.cstring();
                int[] oids = new int[p.int16()];
                for (int i = 0; i < oids.length; i++) {
                    oids[i] = p.int32();
                }
                statements.put(name, new Object[] {sql, oids});
                pending.add(new BackendBytes().parseComplete().toByteArray());
            }
            case 'B' -> bind(p);
            case 'D' -> describe(p.int1(), p.cstring());
            case 'E' -> execute(p.cstring(), p.int32());
            case 'C' -> {
                char what = (char) p.int1();
                String name = p.cstring();
                (what == 'S' ? statements : portals).remove(name);
                pending.add(new BackendBytes().closeComplete().toByteArray());
            }
            case 'F' -> error("0A000", "function calls are not in the fuzz server's model");
            default -> { } // CopyData/CopyDone/CopyFail outside COPY are ignored, as by PostgreSQL
        }
    }

    private void bind(Payload p) {
        Portal portal = new Portal();
        String name = p.cstring();
        Object[] stmt = statements.get(p.cstring());
        if (stmt == null) {
            error("26000", "prepared statement does not exist");
            return;
        }
        portal.sql = (String) stmt[0];
        portal.paramTypes = (int[]) stmt[1];
        int[] paramFormats = new int[p.int16()];
        for (int i = 0; i < paramFormats.length; i++) {
            paramFormats[i] = p.int16();
        }
        portal.params = new String[p.int16()];
        for (int i = 0; i < portal.params.length; i++) {
            int len = p.int32();
            byte[] v = len < 0 ? null : p.bytes(len);
            int type = i < portal.paramTypes.length ? portal.paramTypes[i] : 0;
            portal.params[i] = v == null ? null : ReplyModel.format(paramFormats, i) == 1 ? fromBinary(type, v)
                    : new String(v, StandardCharsets.UTF_8);
        }
        portal.formats = new int[p.int16()];
        for (int i = 0; i < portal.formats.length; i++) {
            portal.formats[i] = p.int16();
        }
        portals.put(name, portal);
        pending.add(new BackendBytes().bindComplete().toByteArray());
    }

    private void describe(int what, String name) {
        if (what == 'S') {
            Object[] stmt = statements.get(name);
            if (stmt == null) {
                error("26000", "prepared statement \"" + name + "\" does not exist");
                return;
            }
            String sql = (String) stmt[0];
            int[] oids = (int[]) stmt[1];
            int count = Math.max(oids.length, placeholders(sql));
            int[] types = new int[count];
            String[] params = new String[count];
            for (int i = 0; i < count; i++) {
                types[i] = i < oids.length && oids[i] != 0 ? oids[i] : ReplyModel.TEXT;
                params[i] = "0";
            }
            pending.add(new BackendBytes().parameterDescription(types).toByteArray());
            String low = sql.strip().toLowerCase(Locale.ROOT);
            ReplyModel.Result r = low.startsWith("select") || low.startsWith("show") ? model.run(sql, params, types) : null;
            pending.add(r != null && r.types() != null ? ReplyModel.rowDescription(r, null)
                    : new BackendBytes().noData().toByteArray());
            return;
        }
        Portal portal = portals.get(name);
        ReplyModel.Result declared = portal == null ? model.cursor(name.toLowerCase(Locale.ROOT)) : null;
        if (declared != null) {
            pending.add(declared.types() != null ? ReplyModel.rowDescription(declared, null) : new BackendBytes().noData().toByteArray());
            return;
        }
        if (portal == null) {
            error("34000", "portal \"" + name + "\" does not exist");
            return;
        }
        run(portal);
        pending.add(portal.result.types() != null && portal.result.error() == null
                ? ReplyModel.rowDescription(portal.result, portal.formats) : new BackendBytes().noData().toByteArray());
    }

    private void execute(String name, int max) throws IOException {
        Portal portal = portals.get(name);
        if (portal == null) {
            error("34000", "portal \"" + name + "\" does not exist");
            return;
        }
        run(portal);
        int[] at = {portal.at};
        if (!emit(portal.result, portal.formats, max, at)) {
            skipToSync = true;
        }
        portal.at = at[0];
    }

    private void run(Portal portal) {
        if (portal.result == null) {
            portal.result = model.run(portal.sql, portal.params, portal.paramTypes);
        }
    }

    private void error(String sqlstate, String message) {
        pending.add(new BackendBytes().errorResponse(sqlstate, message).toByteArray());
        if (model.status == 'T') {
            model.status = 'E';
        }
        skipToSync = true;
    }

    private void flush() throws IOException {
        List<byte[]> messages = new ArrayList<>(pending);
        pending.clear();
        if (!write(messages, plan.call)) {
            hungUp = true;
        }
    }

    private boolean write(List<byte[]> messages, Mutation mutation) throws IOException {
        return out.flush(messages, mutation);
    }

    private static String fromBinary(int type, byte[] v) {
        ByteBuffer b = ByteBuffer.wrap(v);
        if (type == ReplyModel.INT4 && v.length == 4) {
            return Integer.toString(b.getInt());
        } else if (type == ReplyModel.INT8 && v.length == 8) {
            return Long.toString(b.getLong());
        } else if (type == 21 && v.length == 2) {
            return Short.toString(b.getShort());
        } else if (type == 16 && v.length == 1) {
            return v[0] != 0 ? "t" : "f";
        }
        return new String(v, StandardCharsets.UTF_8);
    }

    private static int placeholders(String sql) {
        int n = 0;
        for (int i = 1; sql.contains("$" + i); i++) {
            n = i;
        }
        return n;
    }

    /** Statements of a simple Query, split at semicolons outside single quotes. */
    private static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                if (!cur.toString().isBlank()) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString());
        }
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the fields of a frontend message's payload. */
    static final class Payload {
        private final ByteBuffer b;

        Payload(byte[] payload) {
            b = ByteBuffer.wrap(payload);
        }

        String cstring() {
            int start = b.position();
            while (b.hasRemaining() && b.get() != 0) {
                // find the NUL
            }
            int end = b.position() - 1;
            return new String(b.array(), start, Math.max(0, end - start), StandardCharsets.UTF_8);
        }

        int int1() {
            return b.get() & 0xff;
        }

        int int16() {
            return b.getShort();
        }

        int int32() {
            return b.getInt();
        }

        byte[] bytes(int n) {
            byte[] v = new byte[n];
            b.get(v);
            return v;
        }
    }
}
