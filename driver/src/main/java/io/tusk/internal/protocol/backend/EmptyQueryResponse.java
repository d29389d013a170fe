package io.tusk.internal.protocol.backend;

/** EmptyQueryResponse ('I'): the query string was empty. */
public enum EmptyQueryResponse implements BackendMessage {
    INSTANCE
}
