/**
 * A Jakarta Connectors 2.1 resource adapter for Tusk: application servers pool Tusk connections
 * and enlist them in JTA transactions (XA, local or none).
 *
 * <pre>{@code
 * @Resource(lookup = "java:/tusk/app") TuskConnectionFactory tusk;
 * try (Connection conn = tusk.getConnection()) {
 *     conn.execute("INSERT INTO t VALUES (%s)", 1);   // part of the container's transaction
 * }
 * }</pre>
 *
 * Deployment: docs/deploy/wildfly.md.
 */
package io.tusk.jca;
