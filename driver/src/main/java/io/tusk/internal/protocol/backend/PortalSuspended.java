package io.tusk.internal.protocol.backend;

/** PortalSuspended ('s'): Execute's row limit was reached before the end. */
public enum PortalSuspended implements BackendMessage {
    INSTANCE
}
