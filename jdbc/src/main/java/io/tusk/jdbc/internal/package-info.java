/** The JDBC face's implementation: java.sql interfaces over io.tusk's native API. Not exported. */
package io.tusk.jdbc.internal;
