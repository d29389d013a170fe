/**
 * Adaptation between Java and PostgreSQL values: {@link io.tusk.adapt.Dumper},
 * {@link io.tusk.adapt.Loader}, {@link io.tusk.adapt.Format}, the layered {@link io.tusk.adapt.AdaptersMap}
 * and the catalog's type infos ({@link io.tusk.adapt.TypeInfo} and its range, composite, enum, domain
 * and hstore kinds). Public API: depends on the public packages; the built-in adapters it hands out
 * come from the implementation through {@code io.tusk.spi.Services.adaptation()}.
 */
package io.tusk.adapt;
