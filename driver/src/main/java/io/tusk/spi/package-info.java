/**
 * Service-provider interfaces for modules that drive a connection from outside the
 * application, such as the XA resource: {@link io.tusk.spi.TransactionControl}.
 */
package io.tusk.spi;
