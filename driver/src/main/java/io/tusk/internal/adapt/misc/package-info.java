/**
 * The smaller families: bit strings, domains, enums, hstore, json/jsonb, the OID types and uuid.
 * Depends on the adaptation core and public API only.
 */
package io.tusk.internal.adapt.misc;
