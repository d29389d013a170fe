package io.tusk.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.Tusk;
import io.tusk.errors.DataException;
import io.tusk.internal.protocol.BackendBytes;
import io.tusk.rows.Row;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server that lies about a column value: a loopback fake completes start-up as PostgreSQL
 * does, then answers a query with a binary {@code int4[]} column whose 20 bytes declare 2^31
 * elements. The driver refuses the value with a DataException naming the column and its type,
 * without allocating for the lie, and the connection goes on with the next statement.
 */
class HostileServerValuesIT {
    private static final int INT4_ARRAY = 1007;
    private static final int INT4 = 23;

    @Test
    void hostileArrayHeaderRaisesDataExceptionNamingTheColumnAndTheConnectionGoesOn() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> serve(ss), "fake-postgres");
            server.setDaemon(true);
            server.start();
            try (Connection conn = Tusk.connect("host=127.0.0.1 port=" + ss.getLocalPort()
                    + " user=fake dbname=fake sslmode=disable connect_timeout=10")) {
                conn.setAutocommit(true);
                try (Cursor<Row> cur = conn.cursor()) {
                    cur.execute("SELECT ids, n FROM hostile");
                    DataException e = assertThrows(DataException.class, cur::fetchone);
                    assertEquals("column \"ids\" (int4[]): the value declares 2147483648 elements but holds 20 bytes",
                            e.getMessage());
                    // The next row, honest this time, and the other column of it load.
                    Row next = cur.fetchone();
                    assertEquals(List.of(7, 8), next.get(0));
                    assertEquals(42, next.get(1));

                    cur.execute("SELECT 1");
                    assertEquals(1, cur.fetchone().get(0));
                }
            }
            server.join(5000);
        }
    }

    /** Answers start-up, then each query: the hostile one with two rows, any other with 1. */
    private static void serve(ServerSocket ss) {
        try (Socket s = ss.accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            int len = in.readInt();
            in.readNBytes(len - 4); // StartupMessage
            out.write(new BackendBytes().authenticationOk()
                    .parameterStatus("server_version", "17.0")
                    .parameterStatus("server_encoding", "UTF8")
                    .parameterStatus("client_encoding", "UTF8")
                    .parameterStatus("DateStyle", "ISO, MDY")
                    .parameterStatus("integer_datetimes", "on")
                    .parameterStatus("standard_conforming_strings", "on")
                    .parameterStatus("TimeZone", "UTC")
                    .backendKeyData(4242, new byte[] {1, 2, 3, 4})
                    .readyForQuery('I').toByteArray());
            out.flush();
            String sql = null;
            while (true) {
                int type = in.read();
                if (type < 0 || type == 'X') {
                    return;
                }
                byte[] body = in.readNBytes(in.readInt() - 4);
                BackendBytes reply = new BackendBytes();
                switch (type) {
                    case 'Q' -> {
                        sql = cstring(body, 0);
                        answer(sql, reply, true);
                        reply.readyForQuery('I');
                    }
                    case 'P' -> {
                        sql = cstring(body, cstring(body, 0).length() + 1);
                        reply.parseComplete();
                    }
                    case 'B' -> reply.bindComplete();
                    case 'D' -> {
                        if (body[0] == 'S') {
                            reply.parameterDescription();
                        }
                        describe(sql, reply);
                    }
                    case 'E' -> answer(sql, reply, false);
                    case 'C' -> reply.closeComplete();
                    case 'S' -> reply.readyForQuery('I');
                    default -> {
                        // Flush: nothing to say
                    }
                }
                out.write(reply.toByteArray());
                out.flush();
            }
        } catch (IOException ignored) {
            // the client hung up
        }
    }

    private static void describe(String sql, BackendBytes reply) {
        if (sql.contains("hostile")) {
            reply.message('T').int16(2);
            reply.field("ids", 0, 0, INT4_ARRAY, -1, -1, 1).field("n", 0, 0, INT4, 4, -1, 1);
        } else {
            reply.message('T').int16(1);
            reply.field("?column?", 0, 0, INT4, 4, -1, 1);
        }
    }

    private static void answer(String sql, BackendBytes reply, boolean describe) {
        if (describe) {
            describe(sql, reply);
        }
        if (sql.contains("hostile")) {
            // ndim 1, no NULLs, int4, then 2^31 elements from 1, and 4 bytes of element data.
            byte[] lie = ints(1, 0, INT4, 0x80000000, 1);
            byte[] honest = ints(1, 0, INT4, 2, 1, 4, 7, 4, 8);
            reply.dataRow(lie, ints(41)).dataRow(honest, ints(42));
            reply.message('C').cstring("SELECT 2");
        } else {
            reply.dataRow(ints(1)).message('C').cstring("SELECT 1");
        }
    }

    private static byte[] ints(int... v) {
        byte[] b = new byte[4 * v.length];
        for (int i = 0; i < v.length; i++) {
            b[4 * i] = (byte) (v[i] >>> 24);
            b[4 * i + 1] = (byte) (v[i] >>> 16);
            b[4 * i + 2] = (byte) (v[i] >>> 8);
            b[4 * i + 3] = (byte) v[i];
        }
        return b;
    }

    private static String cstring(byte[] b, int from) {
        int end = from;
        while (b[end] != 0) {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }
}
