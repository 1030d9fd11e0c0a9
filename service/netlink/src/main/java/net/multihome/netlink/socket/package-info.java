/**
 * A raw {@code NETLINK_ROUTE} socket over libc through {@code java.lang.foreign}: open (also
 * inside another network namespace), socket options, send and receive of whole datagrams.
 * It knows nothing about message formats; errors surface as {@link ErrnoException}.
 */
package net.multihome.netlink.socket;
