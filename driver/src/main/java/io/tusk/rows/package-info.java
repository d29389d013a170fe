/**
 * Row factories: how a result row becomes a Java value ({@link io.tusk.rows.Row}, arrays,
 * maps, records, constructors). Public API: depends on {@code io.tusk} ({@code Column}),
 * {@code io.tusk.errors} and the {@code io.tusk.spi.DescribedColumns} interface, nothing internal.
 */
package io.tusk.rows;
