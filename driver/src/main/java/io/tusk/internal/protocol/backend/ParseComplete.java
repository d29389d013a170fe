package io.tusk.internal.protocol.backend;

/** ParseComplete ('1'): the statement is parsed. */
public enum ParseComplete implements BackendMessage {
    INSTANCE
}
