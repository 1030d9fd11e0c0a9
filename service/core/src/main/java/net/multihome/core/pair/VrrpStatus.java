package net.multihome.core.pair;

import java.time.Instant;

/**
 * The VRRP state this router follows and since when.
 *
 * @param since when the state was seen to change; for the state found at start, the state file's
 *     last modification
 */
public record VrrpStatus(VrrpState state, Instant since) {

    /** No state reported yet. */
    public static final VrrpStatus UNKNOWN = new VrrpStatus(VrrpState.UNKNOWN, Instant.EPOCH);
}
