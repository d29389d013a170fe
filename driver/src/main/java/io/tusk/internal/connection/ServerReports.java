package io.tusk.internal.connection;

import io.tusk.Notify;
import io.tusk.errors.Diagnostic;
import io.tusk.errors.NotSupportedException;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.CommandComplete;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.NotificationResponse;
import io.tusk.internal.protocol.backend.ParameterStatus;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What the server says on its own, whatever command runs (protocol "Asynchronous Operations"):
 * notices, notifications and parameter statuses, taken out of the stream before an exchange
 * sees it. Both sessions route every message through {@link #take}, so the two front ends
 * agree on what these messages do and when; only how the notices and notifications reach
 * the user differs, and that is the {@link Listener}.
 *
 * <p>A switch of {@code client_encoding} to an encoding Java cannot read is not acted on at
 * once: the rest of the current answer is still read with the old charset (its bytes were
 * encoded before the switch), and the session ends when that exchange is done
 * ({@link #unreadableEncoding}).
 */
public final class ServerReports {
    /** How notices and notifications reach the user: the blocking session queues them, the async one publishes them. */
    public interface Listener {
        void notice(Diagnostic notice);

        void notification(Notify notification);
    }

    private final Map<String, String> parameters = new ConcurrentHashMap<>();
    private final Listener listener;
    private final Consumer<Charset> charsetSwitch;
    private volatile Charset charset;
    private volatile Consumer<String> tagObserver;
    private volatile NotSupportedException unreadableEncoding;

    /**
     * @param charsetSwitch told of a new client encoding, to read and write with it from the
     *                      next message on
     */
    public ServerReports(Charset charset, Listener listener, Consumer<Charset> charsetSwitch) {
        this.charset = charset;
        this.listener = listener;
        this.charsetSwitch = charsetSwitch;
    }

    /**
     * Consumes a notice, a notification or a parameter status and returns null; returns any
     * other message for the exchange that runs (a command's tag is shown to the tag observer
     * first). A parameter status beyond the bounds the session accepts is thrown as a
     * protocol violation.
     */
    public BackendMessage take(BackendMessage m) {
        if (m instanceof ErrorResponse e && e.notice()) {
            listener.notice(e.diagnostic());
            return null;
        }
        if (m instanceof ParameterStatus p) {
            parameterStatus(p);
            return null;
        }
        if (m instanceof NotificationResponse n) {
            listener.notification(new Notify(n.channel(), n.payload(), n.processId()));
            return null;
        }
        if (m instanceof CommandComplete cc) {
            Consumer<String> o = tagObserver;
            if (o != null) {
                o.accept(cc.tag());
            }
        }
        return m;
    }

    /** Records a parameter the start-up learned by other means. */
    public void parameter(String name, String value) {
        ServerParameters.put(parameters, name, value);
    }

    private void parameterStatus(ParameterStatus p) {
        ServerParameters.put(parameters, p.name(), p.value());
        if (p.name().equals("client_encoding")) {
            try {
                Charset cs = Encodings.charsetOf(p.value());
                charset = cs;
                charsetSwitch.accept(cs);
            } catch (NotSupportedException e) {
                unreadableEncoding = e;
            }
        }
    }

    /**
     * Why the session cannot be read any more, once the current exchange is done: it switched
     * to an encoding Java cannot read. Null otherwise. At start-up the client encoding asked
     * for is named as it is ({@code afterStartup} false); later, as a switch.
     */
    public NotSupportedException unreadableEncoding(boolean afterStartup) {
        NotSupportedException e = unreadableEncoding;
        if (e == null || !afterStartup) {
            return e;
        }
        return new NotSupportedException("the session switched to " + e.getMessage()
                + "; the connection is closed because its text can no longer be read", e);
    }

    /** Sets what sees the tag of every completed command (one observer: the statement cache). */
    public void observeTags(Consumer<String> observer) {
        tagObserver = observer;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public Charset charset() {
        return charset;
    }
}
