/**
 * Integers, floats, numeric (binary numeric digits) and money.
 * Depends on the adaptation core and public API only.
 */
package io.tusk.internal.adapt.numeric;
