/**
 * Tusk's JDBC 4.3 face: {@link io.tusk.jdbc.TuskDriver} for {@code jdbc:tusk:} URLs and the data
 * sources containers configure ({@code TuskDataSource},
 * {@code TuskConnectionPoolDataSource}, {@code TuskXADataSource}).
 * Connections unwrap to {@link io.tusk.Connection} for COPY, LISTEN/NOTIFY and pipelines.
 */
package io.tusk.jdbc;
