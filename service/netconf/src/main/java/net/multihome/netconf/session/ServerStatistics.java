package net.multihome.netconf.session;

import java.time.Instant;

/** A snapshot of the server-wide RFC 6022 statistics container. */
public record ServerStatistics(Instant startTime, long inBadHellos, long inSessions, long droppedSessions,
                               long inRpcs, long inBadRpcs, long outRpcErrors, long outNotifications) {
}
