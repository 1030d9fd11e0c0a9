package net.multihome.netlink.model;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * A route in one routing table. Its key in the kernel is (family, table, destination,
 * tos, metric); the other fields are its value.
 *
 * @param family address family
 * @param destination destination network ({@code 0.0.0.0/0} for a default route)
 * @param table table id, 1..2^32-2 (253 default, 254 main, 255 local)
 * @param type unicast, blackhole, unreachable, ...
 * @param scope universe for routes via a gateway, link for on-link networks, host for lo
 * @param protocol {@code rtm_protocol}: who installed it (our owner tag for ours)
 * @param gateway next router, or null
 * @param oif outgoing interface index, or 0
 * @param prefsrc preferred source address, or null
 * @param metric {@code RTA_PRIORITY}
 * @param multipath classic multipath paths (empty for a single path)
 * @param nexthopId a nexthop object or group ({@code RTA_NH_ID}), or 0
 */
public record Route(
        Family family,
        IpPrefix destination,
        long table,
        RouteType type,
        RouteScope scope,
        int protocol,
        InetAddress gateway,
        int oif,
        InetAddress prefsrc,
        long metric,
        List<RoutePath> multipath,
        int nexthopId) {

    public Route {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        multipath = List.copyOf(multipath);
        if (destination.family() != family) {
            throw new IllegalArgumentException("destination " + destination + " is not " + family);
        }
    }

    /** The fields that identify a route in the kernel; two routes with equal keys replace each other. */
    public RouteKey key() {
        return new RouteKey(family, table, destination, metric);
    }

    /** Identity of a route inside the kernel's FIB. */
    public record RouteKey(Family family, long table, IpPrefix destination, long metric) {
    }
}
