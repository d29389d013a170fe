package io.tusk.internal.protocol.backend;

/** CopyDone ('c'): the server has sent all the COPY TO STDOUT data. */
public enum CopyDone implements BackendMessage {
    INSTANCE
}
