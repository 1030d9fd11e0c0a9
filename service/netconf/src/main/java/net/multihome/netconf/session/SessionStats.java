package net.multihome.netconf.session;

import java.time.Instant;

/** A snapshot of one live session as RFC 6022 ietf-netconf-monitoring lists it. */
public record SessionStats(long id, String user, String sourceHost, Instant loginTime, long inRpcs,
                           long inBadRpcs, long outRpcErrors, long outNotifications) {
}
