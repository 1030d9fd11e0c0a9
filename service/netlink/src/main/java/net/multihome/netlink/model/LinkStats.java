package net.multihome.netlink.model;

/** The 64-bit counters of {@code IFLA_STATS64} that monitoring reports. */
public record LinkStats(
        long rxPackets, long txPackets, long rxBytes, long txBytes,
        long rxErrors, long txErrors, long rxDropped, long txDropped) {

    public static final LinkStats ZERO = new LinkStats(0, 0, 0, 0, 0, 0, 0, 0);
}
