/**
 * Dates, times, timestamps and intervals in both formats, PostgreSQL's DateStyle and IntervalStyle,
 * and its TimeZone names ({@code PgZone}, POSIX zones). Depends on the adaptation core and public API only.
 */
package io.tusk.internal.adapt.datetime;
