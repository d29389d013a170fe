/**
 * Strings (text, varchar, name, char, xml, unknown) in the session's encoding and bytea.
 * Depends on the adaptation core and public API only.
 */
package io.tusk.internal.adapt.text;
