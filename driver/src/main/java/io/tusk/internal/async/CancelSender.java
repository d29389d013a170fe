package io.tusk.internal.async;

import io.tusk.errors.OperationalException;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendKeyData;
import io.tusk.internal.protocol.frontend.CancelRequest;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a CancelRequest on a new non-blocking connection to the same server (protocol
 * "Canceling Requests in Progress"): the server reads the process id and secret key, answers
 * nothing and closes the connection once the request is processed, which completes the future.
 * It goes in plain text, as the server accepts it before any TLS negotiation.
 */
final class CancelSender {
    private CancelSender() {
    }

    static CompletableFuture<Void> send(EventLoop loop, SocketAddress address, BackendKeyData key) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                SocketChannel ch = address instanceof UnixDomainSocketAddress ? SocketChannel.open(StandardProtocolFamily.UNIX)
                        : SocketChannel.open();
                NioPipe[] pipe = new NioPipe[1];
                pipe[0] = new NioPipe(loop, ch, new NioPipe.Listener() {
                    @Override
                    public void connected() throws IOException {
                        WriteBuffer out = new WriteBuffer(64);
                        new CancelRequest(key.processId(), key.secretKey()).encode(out);
                        pipe[0].send(out.array(), 0, out.size());
                    }

                    @Override
                    public void tlsReady() {
                    }

                    @Override
                    public void data(ByteBuffer plain) {
                        // the server sends nothing back
                    }

                    @Override
                    public void closed(Throwable cause) {
                        // The end of the stream is the server's acknowledgement.
                        if (cause instanceof java.io.EOFException) {
                            done.complete(null);
                        } else {
                            done.completeExceptionally(new OperationalException("could not send the cancel request to " + address
                                    + ": " + cause.getMessage(), cause));
                        }
                    }
                });
                pipe[0].connect(address);
            } catch (IOException e) {
                done.completeExceptionally(new OperationalException("could not send the cancel request to " + address
                        + ": " + e.getMessage(), e));
            }
        });
        return done;
    }
}
