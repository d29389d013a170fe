/**
 * Network address types (inet, cidr, macaddr, macaddr8), text and binary.
 * Depends on the adaptation core and public API only.
 */
package io.tusk.internal.adapt.net;
