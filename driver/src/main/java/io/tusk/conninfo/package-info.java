/**
 * Connection strings as libpq reads them: parsing and making them ({@link io.tusk.conninfo.Conninfo},
 * psycopg's {@code conninfo_to_dict} and {@code make_conninfo}), and resolving them into the
 * settings of a connection ({@link io.tusk.conninfo.ConnectionSettings}) with service files,
 * {@code PG*} environment variables, the password file and libpq's defaults.
 *
 * <pre>{@code
 * Conninfo info = Conninfo.parse("postgresql://app@db1,db2/sales?target_session_attrs=read-write");
 * ConnectionSettings settings = info.resolve();
 * settings.hosts();               // [db1:5432, db2:5432]
 * settings.passwordFor(settings.hosts().get(0));   // from ~/.pgpass
 * }</pre>
 *
 * <p>The user's manual is {@code docs/reference/conninfo.md}.
 *
 * <p>Depends only on {@code io.tusk.errors}.
 */
package io.tusk.conninfo;
