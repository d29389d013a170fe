/**
 * What a statement needs on its way to the server and back: extended-query planning, parameters,
 * batches and rewritten inserts, result columns ({@code cursor.description()}) and the loading of
 * kept rows. Depends on the protocol, query parsing, prepared statements, adaptation and connection layers.
 */
package io.tusk.internal.cursor;
