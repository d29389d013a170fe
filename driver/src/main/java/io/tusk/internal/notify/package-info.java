/**
 * Waiting for LISTEN/NOTIFY notifications on a blocking connection
 * ({@code Connection.notifies}). Depends on the connection layer and the public API.
 */
package io.tusk.internal.notify;
