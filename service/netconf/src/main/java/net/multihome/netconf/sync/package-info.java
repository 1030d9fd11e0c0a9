/**
 * Configuration sync between the two routers of a redundant pair: a small NETCONF client over
 * MINA SSHD's client (base:1.1 chunked framing with the server's codecs), the push protocol
 * (the peer's candidate, a confirmed commit carrying the epoch, then confirm or cancel), and the
 * store's commit hook that runs it around every local commit.
 */
package net.multihome.netconf.sync;
