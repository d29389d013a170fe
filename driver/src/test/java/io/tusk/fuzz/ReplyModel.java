package io.tusk.fuzz;

import io.tusk.internal.protocol.BackendBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a PostgreSQL 17 backend answers, modelled message by message on the protocol's "Message
 * Flow" chapter and on what a real server sends for the statements the fuzz scenarios run: simple
 * and extended query (prepared or not, text or binary results, row-limited Execute with
 * PortalSuspended), COPY in and out, DECLARE/FETCH, LISTEN/NOTIFY and two-phase commit. Tables
 * are fixed: {@code fuzz} has {@link #ROWS} rows {@code (i int4, t text)}.
 */
final class ReplyModel {
    static final int ROWS = 5;
    static final int INT4 = 23;
    static final int INT8 = 20;
    static final int TEXT = 25;
    /** Prepared transactions outlive sessions, as on a real server (pg_prepared_xacts). */
    static final Set<String> PREPARED = ConcurrentHashMap.newKeySet();

    private static final Pattern INT = Pattern.compile("select (-?\\d+)(::int4|::integer)?");
    private static final Pattern PARAMS = Pattern.compile("select (\\$\\d+(::\\w+)?(, ?)?)+");
    private static final Pattern GID = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern DECLARE = Pattern.compile("declare \"?(\\w+)\"?.*? for (.*)", Pattern.DOTALL);
    private static final Pattern FETCH = Pattern.compile("(fetch|move) (forward |absolute |relative )?(all|-?\\d+)? ?(from|in) \"?(\\w+)\"?");

    /** One statement's outcome: columns (null: no RowDescription), text values, the command tag. */
    record Result(List<int[]> types, List<String> names, List<String[]> rows, String tag, String[] error, int copy) {
        static Result command(String tag) {
            return new Result(null, null, List.of(), tag, null, 0);
        }

        static Result error(String sqlstate, String message) {
            return new Result(null, null, List.of(), null, new String[] {sqlstate, message}, 0);
        }
    }

    final int pid;
    char status = 'I';
    private final Map<String, String[]> cursors = new HashMap<>();
    private final Map<String, Integer> cursorAt = new HashMap<>();
    final List<String> listening = new ArrayList<>();

    ReplyModel(int pid) {
        this.pid = pid;
    }

    /** Runs one statement with its parameters already substituted as text. */
    Result run(String rawSql, String[] params, int[] paramTypes) {
        String sql = rawSql.strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        String low = sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (status == 'E' && !low.startsWith("rollback") && !low.startsWith("commit") && !low.startsWith("end")) {
            return Result.error("25P02", "current transaction is aborted, commands ignored until end of transaction block");
        }
        Matcher m;
        if (low.startsWith("begin") || low.startsWith("start transaction")) {
            status = 'T';
            return Result.command("BEGIN");
        } else if (low.startsWith("commit prepared") || low.startsWith("rollback prepared")) {
            String gid = gid(sql);
            if (!PREPARED.remove(gid)) {
                return Result.error("42704", "prepared transaction with identifier \"" + gid + "\" does not exist");
            }
            return Result.command(low.startsWith("commit") ? "COMMIT PREPARED" : "ROLLBACK PREPARED");
        } else if (low.startsWith("prepare transaction")) {
            PREPARED.add(gid(sql));
            status = 'I';
            return Result.command("PREPARE TRANSACTION");
        } else if (low.startsWith("commit") || low.equals("end")) {
            String tag = status == 'E' ? "ROLLBACK" : "COMMIT";
            status = 'I';
            return Result.command(tag);
        } else if (low.startsWith("rollback to") || low.startsWith("savepoint") || low.startsWith("release")) {
            if (low.startsWith("rollback")) {
                status = 'T';
            }
            return Result.command(low.startsWith("rollback") ? "ROLLBACK" : low.startsWith("savepoint") ? "SAVEPOINT" : "RELEASE");
        } else if (low.startsWith("rollback") || low.startsWith("abort")) {
            status = 'I';
            return Result.command("ROLLBACK");
        } else if (low.contains("pg_prepared_xacts")) {
            List<String[]> rows = new ArrayList<>();
            for (String gid : PREPARED) {
                rows.add(new String[] {gid, "2026-12-03T13:00:00.000000Z", "fuzz", "fuzz"});
            }
            return rows(List.of("gid", "to_char", "owner", "database"), new int[] {TEXT, TEXT, 19, 19}, rows, "SELECT");
        } else if (low.startsWith("set ") || low.startsWith("reset") || low.startsWith("discard")) {
            return Result.command(low.startsWith("set session auth") ? "SET" : low.split(" ")[0].toUpperCase(Locale.ROOT));
        } else if (low.startsWith("show ")) {
            return rows(List.of(low.substring(5)), new int[] {TEXT}, List.<String[]>of(new String[] {"off"}), "SHOW");
        } else if (low.startsWith("listen ")) {
            listening.add(sql.substring(7).replace("\"", "").strip());
            return Result.command("LISTEN");
        } else if (low.startsWith("unlisten")) {
            listening.clear();
            return Result.command("UNLISTEN");
        } else if ((m = DECLARE.matcher(low)).matches()) {
            cursors.put(m.group(1), new String[] {m.group(2)});
            cursorAt.put(m.group(1), 0);
            return Result.command("DECLARE CURSOR");
        } else if ((m = FETCH.matcher(low)).matches()) {
            return fetch(m);
        } else if (low.startsWith("close ")) {
            String name = low.substring(6).replace("\"", "").strip();
            if (cursors.remove(name) == null && !name.equals("all")) {
                return Result.error("34000", "cursor \"" + name + "\" does not exist");
            }
            return Result.command("CLOSE CURSOR");
        } else if (low.startsWith("copy ")) {
            boolean binary = low.contains("binary");
            if (low.contains("from stdin")) {
                return new Result(null, null, List.of(), null, null, binary ? 3 : 1);
            }
            return new Result(null, null, table(), "COPY " + ROWS, null, binary ? 4 : 2);
        } else if (low.startsWith("insert") || low.startsWith("update") || low.startsWith("delete")) {
            String verb = low.split(" ")[0].toUpperCase(Locale.ROOT);
            return Result.command(verb.equals("INSERT") ? "INSERT 0 1" : verb + " 1");
        } else if (low.startsWith("create") || low.startsWith("drop")) {
            return Result.command(low.startsWith("create") ? "CREATE TABLE" : "DROP TABLE");
        } else if (low.startsWith("select pg_notify") || low.startsWith("notify")) {
            return Result.command(low.startsWith("notify") ? "NOTIFY" : "SELECT 1");
        } else if ((m = INT.matcher(low)).matches()) {
            return rows(List.of("?column?"), new int[] {INT4}, List.<String[]>of(new String[] {m.group(1)}), "SELECT 1");
        } else if (PARAMS.matcher(low).matches()) {
            int[] types = new int[params.length];
            List<String> names = new ArrayList<>();
            for (int i = 0; i < params.length; i++) {
                types[i] = paramTypes != null && i < paramTypes.length && paramTypes[i] != 0 ? paramTypes[i] : TEXT;
                names.add("?column?");
            }
            return rows(names, types, List.<String[]>of(params), "SELECT 1");
        } else if (low.startsWith("select") && low.contains("fuzz")) {
            return rows(List.of("i", "t"), new int[] {INT4, TEXT}, table(), "SELECT " + ROWS);
        } else if (low.isEmpty()) {
            return new Result(null, null, List.of(), "", null, 0);
        }
        return Result.error("42601", "syntax error at or near \"" + low.split(" ")[0] + "\" (the fuzz server's model has no reply for it)");
    }

    /** A server-side NOTIFY reaches the listeners of this session, as the server's own NOTIFY would. */
    List<byte[]> notifications(String payload) {
        List<byte[]> out = new ArrayList<>();
        for (String channel : listening) {
            out.add(new BackendBytes().notificationResponse(pid + 1, channel, payload).toByteArray());
        }
        return out;
    }

    /** The columns of a declared cursor (DECLARE makes a portal of that name, which Describe may name). */
    Result cursor(String name) {
        String[] query = cursors.get(name);
        return query == null ? null : run(query[0], new String[0], null);
    }

    private Result fetch(Matcher m) {
        String name = m.group(5);
        String[] query = cursors.get(name);
        if (query == null) {
            return Result.error("34000", "cursor \"" + name + "\" does not exist");
        }
        Result all = run(query[0], new String[0], null);
        int at = cursorAt.get(name);
        int n = m.group(3) == null ? 1 : m.group(3).equals("all") ? Integer.MAX_VALUE : Math.abs(Integer.parseInt(m.group(3)));
        int end = (int) Math.min((long) at + n, all.rows().size());
        cursorAt.put(name, end);
        List<String[]> rows = all.rows().subList(Math.min(at, end), end);
        boolean move = m.group(1).equals("move");
        String tag = (move ? "MOVE " : "FETCH ") + rows.size();
        return move ? Result.command(tag) : new Result(all.types(), all.names(), rows, tag, null, 0);
    }

    private static String gid(String sql) {
        Matcher m = GID.matcher(sql);
        return m.find() ? m.group(1).replace("''", "'") : "";
    }

    private static List<String[]> table() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            rows.add(new String[] {Integer.toString(i), "row " + i + " é"});
        }
        return rows;
    }

    private static Result rows(List<String> names, int[] types, List<String[]> rows, String tag) {
        List<int[]> t = new ArrayList<>();
        for (int type : types) {
            t.add(new int[] {type});
        }
        String finalTag = tag.equals("SELECT") ? "SELECT " + rows.size() : tag;
        return new Result(t, names, rows, finalTag, null, 0);
    }

    /** RowDescription for a result, each column in the format asked for (Bind's result formats). */
    static byte[] rowDescription(Result r, int[] formats) {
        BackendBytes b = new BackendBytes().message('T').int16(r.types().size());
        for (int i = 0; i < r.types().size(); i++) {
            int type = r.types().get(i)[0];
            int size = type == INT4 ? 4 : type == INT8 ? 8 : type == 21 ? 2 : type == 16 ? 1 : type == 19 ? 64 : -1;
            b.field(r.names().get(i), 0, 0, type, size, -1, format(formats, i));
        }
        return b.toByteArray();
    }

    static byte[] dataRow(Result r, String[] row, int[] formats) {
        byte[][] values = new byte[row.length][];
        for (int i = 0; i < row.length; i++) {
            values[i] = row[i] == null ? null
                    : format(formats, i) == 1 ? binary(r.types().get(i)[0], row[i]) : row[i].getBytes(StandardCharsets.UTF_8);
        }
        return new BackendBytes().dataRow(values).toByteArray();
    }

    static int format(int[] formats, int column) {
        if (formats == null || formats.length == 0) {
            return 0;
        }
        return formats.length == 1 ? formats[0] : column < formats.length ? formats[column] : 0;
    }

    /** The binary send format of the types the model uses (int4send, int8send, textsend). */
    static byte[] binary(int type, String text) {
        if (type == INT4) {
            int v = Integer.parseInt(text);
            return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        } else if (type == INT8) {
            return new BackendBytes().raw().int64(Long.parseLong(text)).toByteArray();
        } else if (type == 21) {
            int v = Integer.parseInt(text);
            return new byte[] {(byte) (v >>> 8), (byte) v};
        } else if (type == 16) {
            return new byte[] {(byte) (text.startsWith("t") ? 1 : 0)};
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A binary COPY stream of the rows (COPY "Binary Format": signature, flags, extension, tuples, trailer). */
    static byte[] binaryCopy(List<String[]> rows) {
        BackendBytes b = new BackendBytes().raw((byte) 'P', (byte) 'G', (byte) 'C', (byte) 'O', (byte) 'P', (byte) 'Y',
                (byte) '\n', (byte) 0xff, (byte) '\r', (byte) '\n', (byte) 0).int32(0).int32(0);
        for (String[] row : rows) {
            b.int16(row.length);
            b.int32(4).bytes(binary(INT4, row[0]));
            byte[] t = row[1].getBytes(StandardCharsets.UTF_8);
            b.int32(t.length).bytes(t);
        }
        return b.int16(-1).toByteArray();
    }
}
