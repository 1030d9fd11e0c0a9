package net.multihome.netlink.model;

import java.net.InetAddress;

/**
 * One path of a classic multipath route ({@code struct rtnexthop}).
 *
 * @param gateway next router, or null for an on-link path
 * @param ifindex outgoing interface
 * @param weight 1..256 ({@code rtnh_hops} is weight - 1 on the wire)
 */
public record RoutePath(InetAddress gateway, int ifindex, int weight) {

    public RoutePath {
        if (weight < 1 || weight > 256) {
            throw new IllegalArgumentException("nexthop weight " + weight + " is outside 1..256");
        }
    }
}
