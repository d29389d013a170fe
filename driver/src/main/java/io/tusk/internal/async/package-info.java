/**
 * The non-blocking transport: the event loop ({@code EventLoop}, {@code EventLoopGroup}), the
 * socket pipe and TLS engine ({@code NioPipe}, {@code TlsEngine}), the start-up over them
 * ({@code SessionOpener}), the CancelRequest's own connection ({@code CancelSender}) and the
 * {@code AsyncSession} that drives the shared protocol exchanges from the loop. The async
 * connection, cursors, COPY, pipeline, transactions and pools live beside their blocking twins
 * in their feature packages. Depends on the protocol and connection layers and the public API.
 */
package io.tusk.internal.async;
