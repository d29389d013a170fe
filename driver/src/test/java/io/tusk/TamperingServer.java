package io.tusk;

import io.tusk.internal.protocol.BackendBytes;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;

/**
 * A loopback server that completes start-up as PostgreSQL does (AuthenticationOk, parameter
 * statuses, BackendKeyData, ReadyForQuery) and then answers every request honestly, each
 * statement with one text row "answer-N" (N counts statements), unless a tamper is queued: it
 * rewrites the bytes of the next answer (the ones sent at the next Sync or Query) to misbehave.
 */
final class TamperingServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;
    private final ConcurrentLinkedQueue<UnaryOperator<byte[]>> tampers = new ConcurrentLinkedQueue<>();
    private volatile Socket client;
    private int answers;
    private char status = 'I';

    TamperingServer() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "scripted-server");
        thread.setDaemon(true);
        thread.start();
    }

    String conninfo() {
        return "host=127.0.0.1 port=" + server.getLocalPort() + " user=u dbname=d sslmode=disable gssencmode=disable";
    }

    /** Rewrites the next answer (everything sent at the next Sync or Query). */
    void tamperNext(UnaryOperator<byte[]> tamper) {
        tampers.add(tamper);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** {@code extra} inserted before the answer's last message (its ReadyForQuery, 6 bytes). */
    static byte[] beforeReady(byte[] answer, byte[] extra) {
        int at = answer.length - 6;
        byte[] c = new byte[answer.length + extra.length];
        System.arraycopy(answer, 0, c, 0, at);
        System.arraycopy(extra, 0, c, at, extra.length);
        System.arraycopy(answer, at, c, at + extra.length, 6);
        return c;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                client = s;
                s.setTcpNoDelay(true);
                talk(new DataInputStream(s.getInputStream()), s.getOutputStream());
            } catch (IOException e) {
                // the client went away, or the server closed
            }
        }
    }

    private void talk(DataInputStream in, OutputStream out) throws IOException {
        while (true) {
            int len = in.readInt();
            int code = in.readInt();
            in.skipNBytes(len - 8);
            if (code == 80877103 || code == 80877104) {
                out.write('N'); // no TLS, no GSS encryption
                out.flush();
                continue;
            }
            break;
        }
        answers = 0;
        status = 'I';
        out.write(new BackendBytes().authenticationOk().parameterStatus("server_version", "17.0")
                .parameterStatus("server_encoding", "UTF8").parameterStatus("client_encoding", "UTF8")
                .parameterStatus("DateStyle", "ISO, MDY").parameterStatus("integer_datetimes", "on")
                .parameterStatus("standard_conforming_strings", "on").parameterStatus("TimeZone", "UTC")
                .parameterStatus("IntervalStyle", "postgres").parameterStatus("is_superuser", "off")
                .parameterStatus("session_authorization", "u").parameterStatus("application_name", "")
                .backendKeyData(42, new byte[] {1, 2, 3, 4}).readyForQuery('I').toByteArray());
        out.flush();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (true) {
            int type = in.read();
            if (type < 0 || type == 'X') {
                return;
            }
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            switch (type) {
                case 'P' -> pending.write(new BackendBytes().parseComplete().toByteArray());
                case 'B' -> pending.write(new BackendBytes().bindComplete().toByteArray());
                case 'C' -> pending.write(new BackendBytes().closeComplete().toByteArray());
                case 'D' -> {
                    if (body[0] == 'S') {
                        pending.write(new BackendBytes().parameterDescription().toByteArray());
                    }
                    pending.write(new BackendBytes().rowDescription("v", 25).toByteArray());
                }
                case 'E' -> pending.write(new BackendBytes().dataRowText("answer-" + ++answers)
                        .commandComplete("SELECT 1").toByteArray());
                case 'Q' -> {
                    String sql = new String(body, 0, body.length - 1, StandardCharsets.UTF_8).trim().toUpperCase();
                    if (sql.startsWith("BEGIN")) {
                        status = 'T';
                        pending.write(new BackendBytes().commandComplete("BEGIN").toByteArray());
                    } else if (sql.startsWith("COMMIT") || sql.startsWith("ROLLBACK")) {
                        status = 'I';
                        pending.write(new BackendBytes().commandComplete(sql.split(" ")[0]).toByteArray());
                    } else {
                        pending.write(new BackendBytes().rowDescription("v", 25).dataRowText("answer-" + ++answers)
                                .commandComplete("SELECT 1").toByteArray());
                    }
                    pending.write(new BackendBytes().readyForQuery(status).toByteArray());
                    answer(pending, out);
                }
                case 'S' -> {
                    pending.write(new BackendBytes().readyForQuery(status).toByteArray());
                    answer(pending, out);
                }
                case 'H' -> {
                    out.write(pending.toByteArray());
                    pending.reset();
                    out.flush();
                }
                default -> {
                    // CopyData, CopyDone, CopyFail: nothing to answer
                }
            }
        }
    }

    private void answer(ByteArrayOutputStream pending, OutputStream out) throws IOException {
        byte[] a = pending.toByteArray();
        pending.reset();
        UnaryOperator<byte[]> t = tampers.poll();
        out.write(t == null ? a : t.apply(a));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket s = client;
        if (s != null) {
            s.close();
        }
    }
}
