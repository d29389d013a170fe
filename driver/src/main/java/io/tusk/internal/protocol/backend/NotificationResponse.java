package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.ReadBuffer;

/** NotificationResponse ('A'): a NOTIFY on a channel this session LISTENs to. */
public record NotificationResponse(int processId, String channel, String payload) implements BackendMessage {
    public static NotificationResponse decode(ReadBuffer in) {
        NotificationResponse m = new NotificationResponse(in.int32(), in.cstring(), in.cstring());
        in.expectEnd();
        return m;
    }
}
