/**
 * Transports: TCP and Unix-domain sockets, TLS upgrade and settings (sslmode, certificates,
 * PEM files). Depends on the JDK only, no other driver package.
 */
package io.tusk.internal.net;
