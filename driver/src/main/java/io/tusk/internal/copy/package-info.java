/**
 * COPY FROM/TO STDIN: row encoders and readers in text and binary, the blocking
 * {@code Copy} and the pieces both front ends share. Depends on the protocol, adaptation and
 * connection layers and on the public API.
 */
package io.tusk.internal.copy;
