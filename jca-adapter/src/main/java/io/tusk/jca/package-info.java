/**
 * The Jakarta Connectors 2.1 resource adapter that lets application servers run
 * container-managed distributed transactions over Tusk connections. Built by the
 * "Jakarta Connectors resource adapter" issue.
 */
package io.tusk.jca;
