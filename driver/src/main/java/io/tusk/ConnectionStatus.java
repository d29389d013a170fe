package io.tusk;

/** Whether a connection is usable, as libpq's {@code PQstatus}: OK or BAD. */
public enum ConnectionStatus {
    OK,
    BAD
}
