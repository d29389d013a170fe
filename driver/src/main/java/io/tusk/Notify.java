package io.tusk;

/**
 * A notification received through LISTEN: psycopg's {@code Notify}, with the channel, the
 * payload and the process id of the notifying backend.
 */
public record Notify(String channel, String payload, int pid) {
}
