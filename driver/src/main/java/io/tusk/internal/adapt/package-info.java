/**
 * The core of adaptation: the {@link io.tusk.internal.adapt.Transformer} that picks a dumper or
 * loader per value and column, built-in type OIDs, binary and ASCII helpers, arrays and the text
 * loader every family shares. Depends on the public adaptation API, {@code io.tusk.types},
 * {@code io.tusk.errors} and the protocol's row descriptions; never on a family package below it.
 */
package io.tusk.internal.adapt;
