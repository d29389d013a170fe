/**
 * The driver's entry point and its blocking API, psycopg's shape: {@link io.tusk.Tusk#connect},
 * {@link io.tusk.Connection}, cursors, {@link io.tusk.Transaction}, {@link io.tusk.Pipeline},
 * {@link io.tusk.Copy}, {@link io.tusk.LargeObject}, {@link io.tusk.Notify}, {@link io.tusk.Xid}.
 * Part of the public API: depends only on the other public packages (it names
 * {@code io.tusk.adapt}, {@code rows}, {@code sql} and {@code async} in its signatures, and they name it)
 * and reaches the implementation only through {@code io.tusk.spi}.
 */
package io.tusk;
