package io.tusk.internal.protocol.backend;

/** BindComplete ('2'): the portal is bound. */
public enum BindComplete implements BackendMessage {
    INSTANCE
}
