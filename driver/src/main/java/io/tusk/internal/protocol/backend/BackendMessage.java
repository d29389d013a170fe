package io.tusk.internal.protocol.backend;

/** A message from the server to the client (protocol "Message Formats", marked B). */
public interface BackendMessage {
}
