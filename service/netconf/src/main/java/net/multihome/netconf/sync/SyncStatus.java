package net.multihome.netconf.sync;

import java.util.Optional;

/**
 * What configuration sync reports (NETCONF state, status).
 *
 * @param state the state
 * @param lastError the last push's or refusal's error
 * @param epoch this router's epoch
 * @param peerEpoch the epoch the peer is known to run
 * @param clientKey this router's public client key, OpenSSH form
 */
public record SyncStatus(SyncState state, Optional<String> lastError, long epoch, long peerEpoch, String clientKey) {
}
