/**
 * The geometric types (point, line, lseg, box, path, polygon, circle), text and binary.
 * Depends on the adaptation core and public API only.
 */
package io.tusk.internal.adapt.geometric;
