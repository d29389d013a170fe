/**
 * The {@code tusk} command line tool (picocli): the driver's tour ({@code demo}), psql-like
 * statements ({@code sql}), in-doubt two-phase transactions ({@code xa}) and bulk loads
 * ({@code copy}), with its writers for tables, CSV and JSON. Depends on the driver's public API
 * only (and the testkit, for the demo's throw-away server), never on its internals.
 */
package io.tusk.cli;
