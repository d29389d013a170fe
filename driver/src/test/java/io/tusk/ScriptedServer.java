package io.tusk;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A fake PostgreSQL server on 127.0.0.1 that plays a script to every connection: it answers
 * SSLRequest with 'N', reads the StartupMessage, then runs the script's steps (send bytes, or
 * read one client message and answer with bytes made from it). Afterwards it records every
 * message type the client still sends, so a test can check that no query reached it.
 */
final class ScriptedServer implements AutoCloseable {
    /** One step of the conversation after the StartupMessage. */
    interface Step {
        void run(DataInputStream in, OutputStream out) throws IOException;
    }

    private final ServerSocket listener;
    private final List<Step> script;
    private final List<Character> receivedAfterScript = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private ScriptedServer(List<Step> script) throws IOException {
        this.script = script;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "tusk-scripted-server");
        t.setDaemon(true);
        t.start();
    }

    static ScriptedServer start(Step... steps) {
        try {
            return new ScriptedServer(List.of(steps));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends bytes (the protocol's message bytes, from {@code Wire.hex}). */
    static Step send(byte[] bytes) {
        return (in, out) -> {
            out.write(bytes);
            out.flush();
        };
    }

    /** Sends bytes one at a time with a pause before each: a server that trickles. */
    static Step trickle(byte[] bytes, Duration pause) {
        return (in, out) -> {
            for (byte b : bytes) {
                sleep(pause);
                out.write(b);
                out.flush();
            }
        };
    }

    /** Reads one client message (type and body; type '*' for any) and sends what {@code answer} makes of its body. */
    static Step expect(char type, Function<byte[], byte[]> answer) {
        return (in, out) -> {
            int t = in.read();
            if (type != '*' && t != type) {
                throw new IOException("expected message " + type + " from the client, got " + (char) t);
            }
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            out.write(answer.apply(body));
            out.flush();
        };
    }

    int port() {
        return listener.getLocalPort();
    }

    String conninfo() {
        return "host=127.0.0.1 port=" + listener.getLocalPort() + " user=alice password=pencil dbname=app";
    }

    /** The message types the client sent after the script ended (a 'Q' means a query reached the fake server). */
    List<Character> receivedAfterScript() {
        return receivedAfterScript;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "tusk-scripted-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            int length = in.readInt();
            int code = in.readInt();
            in.readFully(new byte[length - 8]);
            if (code == 80877103) { // SSLRequest: no TLS here, so the client goes on in plain text
                out.write('N');
                out.flush();
                length = in.readInt();
                in.readFully(new byte[length - 4]);
            }
            for (Step step : script) {
                step.run(in, out);
            }
            while (true) {
                int t = in.read();
                if (t < 0) {
                    return;
                }
                receivedAfterScript.add((char) t);
                in.readFully(new byte[in.readInt() - 4]);
            }
        } catch (IOException e) {
            // the client hung up: what it sent until then is recorded
        }
    }

    private static void sleep(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
