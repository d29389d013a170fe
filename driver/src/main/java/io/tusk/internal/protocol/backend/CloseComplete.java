package io.tusk.internal.protocol.backend;

/** CloseComplete ('3'): the statement or portal is closed. */
public enum CloseComplete implements BackendMessage {
    INSTANCE
}
