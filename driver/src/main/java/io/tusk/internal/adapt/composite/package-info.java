/**
 * Composite (row) types: loaded as {@code io.tusk.types.Composite} or as Java records,
 * dumped from either, text and binary. Depends on the adaptation core and public API only.
 */
package io.tusk.internal.adapt.composite;
