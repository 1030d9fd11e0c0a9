package net.multihome.core.store;

import java.time.Instant;

/** A held global lock: the session that holds it and since when. */
public record LockInfo(long sessionId, Instant lockedAt) {
}
