package io.tusk.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted PostgreSQL server on loopback for the hostile-server fuzz: it completes start-up
 * (trust, cleartext or a real SCRAM-SHA-256 dialogue), answers with {@link ReplyModel}, and
 * passes each reply it writes (one "flush": what a real backend sends before it waits for the
 * client again) through the {@link Mutation} the test armed.
 *
 * <p>After it has written a mutated reply the server waits at most {@link #IDLE_AFTER_MUTATION_MS}
 * for the client and then hangs up, as a broken server's connection eventually does: a client
 * waiting for a message that was dropped then sees the end of the stream. Until it has mutated
 * something it waits as long as a real server.
 */
final class FakePostgres implements AutoCloseable {
    static final int IDLE_AFTER_MUTATION_MS = 1000;
    static final String PASSWORD = "fuzz-secret";

    enum Auth { TRUST, CLEARTEXT, SCRAM }

    /** What the next accepted connection is to do. */
    static final class Plan {
        volatile Auth auth = Auth.TRUST;
        /** Applied to the start-up replies (null: none). */
        volatile Mutation startup;
        /** Applied to the replies after start-up once armed (null: none). */
        volatile Mutation call;
    }

    /** What one connection saw, for the test's checks. */
    static final class Record {
        /** The server authenticated the client and its Authentication messages went out unchanged. */
        volatile boolean authIntact;
        /** Descriptions of the mutations that were applied. */
        final List<String> applied = Collections.synchronizedList(new ArrayList<>());
    }

    private final ServerSocket socket;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pids = new AtomicInteger(4000);
    final Plan plan = new Plan();
    volatile Record last = new Record();

    FakePostgres() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "fake-postgres-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Hangs up every open connection (used when a call outlived its deadline). */
    void dropAll() {
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        dropAll();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                Record record = new Record();
                last = record;
                Thread t = new Thread(() -> serve(s, record), "fake-postgres-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s, Record record) {
        try (s) {
            s.setSoTimeout(30_000);
            new Session(s, record, plan.auth, plan.startup, plan, pids.incrementAndGet()).run();
        } catch (EOFException | SocketException | SocketTimeoutException e) {
            // the client hung up, or the server did after a mutation: both are the end of a session
        } catch (IOException e) {
            // the same, in other words
        } finally {
            open.remove(s);
        }
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Reads frontend messages: a type byte and a length word (protocol "Message Formats"). */
    static final class FrontendReader {
        private final DataInputStream in;

        FrontendReader(DataInputStream in) {
            this.in = in;
        }

        /** The start-up packet (no type byte); its payload after the length word. */
        byte[] startupPacket() throws IOException {
            int len = in.readInt();
            if (len < 8 || len > 10_000) {
                throw new EOFException("bad start-up length");
            }
            byte[] b = new byte[len - 4];
            in.readFully(b);
            return b;
        }

        char type() throws IOException {
            return (char) in.readUnsignedByte();
        }

        byte[] payload() throws IOException {
            int len = in.readInt();
            if (len < 4 || len > 64 * 1024 * 1024) {
                throw new EOFException("bad frontend length " + len);
            }
            byte[] b = new byte[len - 4];
            in.readFully(b);
            return b;
        }
    }

    /** Writes replies, through the armed mutation. */
    static final class Writer {
        private final Socket socket;
        private final OutputStream out;
        private final Record record;
        final ByteArrayOutputStream originalStartup = new ByteArrayOutputStream();
        /** The unmutated Authentication messages, up to AuthenticationOk. */
        final List<byte[]> originalAuth = new ArrayList<>();
        private boolean authOkSeen;
        final ByteArrayOutputStream writtenStartup = new ByteArrayOutputStream();
        boolean inStartup = true;
        boolean mutated;

        Writer(Socket socket, Record record) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.record = record;
        }

        /** Writes one flush; returns false when the mutation hung up afterwards. */
        boolean flush(List<byte[]> messages, Mutation mutation) throws IOException {
            if (messages.isEmpty()) {
                return true;
            }
            Mutation.Outcome o = mutation == null ? Mutation.Outcome.unchanged(messages) : mutation.apply(messages);
            if (o.description() != null) {
                record.applied.add(o.description());
                mutated = true;
                if (mutation.kind != Mutation.Kind.SCRIPTED) {
                    socket.setSoTimeout(IDLE_AFTER_MUTATION_MS);
                }
            }
            if (inStartup) {
                for (byte[] m : messages) {
                    originalStartup.writeBytes(m);
                    if (m[0] == 'R' && !authOkSeen) {
                        originalAuth.add(m);
                        authOkSeen = m.length == 9 && m[8] == 0 && m[7] == 0 && m[6] == 0 && m[5] == 0;
                    }
                }
                writtenStartup.writeBytes(o.bytes());
            }
            out.write(o.bytes());
            out.flush();
            if (o.hangUp()) {
                socket.shutdownOutput();
                return false;
            }
            return true;
        }

        /**
         * Start-up ended on the server's side: it saw the client's proof (or password) and sent
         * AuthenticationOk. Authentication stayed intact when every Authentication message it
         * meant to send, the server signature and AuthenticationOk included, went out unchanged
         * and in order (other messages may have been spoiled around them).
         */
        void endStartup() {
            byte[] written = writtenStartup.toByteArray();
            int from = 0;
            boolean intact = authOkSeen;
            for (byte[] m : originalAuth) {
                int at = indexOf(written, m, from);
                intact &= at >= 0;
                from = at < 0 ? from : at + m.length;
            }
            record.authIntact = intact;
            inStartup = false;
        }

        private static int indexOf(byte[] in, byte[] what, int from) {
            outer:
            for (int i = from; i <= in.length - what.length; i++) {
                for (int j = 0; j < what.length; j++) {
                    if (in[i + j] != what[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

    }
}
