package io.tusk.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/** keepalives* reach the sockets of both front ends (TCP_KEEP* only where the JDK offers them). */
class KeepAliveTest {

    @Test
    void theAsyncChannelGetsKeepaliveAndItsTimings() throws Exception {
        try (SocketChannel ch = SocketChannel.open()) {
            new SocketTransport.KeepAlive(true, 30, 5, 3).apply(ch);
            assertTrue(ch.getOption(StandardSocketOptions.SO_KEEPALIVE));
            assertEquals(30, option(ch, "TCP_KEEPIDLE", 30));
            assertEquals(5, option(ch, "TCP_KEEPINTERVAL", 5));
            assertEquals(3, option(ch, "TCP_KEEPCOUNT", 3));
        }
    }

    @Test
    void keepalivesZeroTurnsItOff() throws Exception {
        try (SocketChannel ch = SocketChannel.open()) {
            new SocketTransport.KeepAlive(false, 30, null, null).apply(ch);
            assertFalse(ch.getOption(StandardSocketOptions.SO_KEEPALIVE));
        }
    }

    /** The option's value, or {@code expected} on a platform whose JDK lacks it. */
    @SuppressWarnings("unchecked")
    private static int option(SocketChannel ch, String name, int expected) throws Exception {
        for (SocketOption<?> o : ch.supportedOptions()) {
            if (o.name().equals(name)) {
                return ch.getOption((SocketOption<Integer>) o);
            }
        }
        return expected;
    }
}
