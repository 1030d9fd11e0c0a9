/**
 * The NETCONF server over SSH (RFC 6242) on Apache MINA SSHD: the one builder the daemon uses,
 * the {@code netconf} subsystem factory handing each channel's streams to the session layer,
 * password (crypt(3) SHA-512) and public-key authentication against a caller's user directory,
 * with refused passwords answered late and counted, connection limits, the persisted ed25519 host
 * key (on the JDK's own Ed25519, handed to MINA in place of Bouncy Castle) and the short list of
 * algorithms offered.
 */
package net.multihome.netconf.ssh;
