/**
 * Large objects through the fast-path function calls, for both front ends ({@code lo_open},
 * {@code loread}, ...), with their streams. Depends on the protocol and connection layers and the public API.
 */
package io.tusk.internal.largeobject;
