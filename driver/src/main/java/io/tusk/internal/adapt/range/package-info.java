/**
 * Ranges and multiranges over any subtype, text and binary. Depends on the adaptation core, the
 * public API and {@code numeric} (numeric bounds in binary).
 */
package io.tusk.internal.adapt.range;
