/**
 * The sans-I/O protocol core (protocol v3, "Frontend/Backend Protocol"): buffers to read and
 * write messages, byte helpers, and the violation raised on bytes the protocol does not allow.
 * The protocol layer ({@code protocol}, {@code .backend}, {@code .frontend}) depends on nothing in
 * the driver but itself and {@code io.tusk.errors}: no API package, no other internal package.
 */
package io.tusk.internal.protocol;
