package io.tusk.internal.protocol.backend;

/** NoData ('n'): the statement returns no rows. */
public enum NoData implements BackendMessage {
    INSTANCE
}
