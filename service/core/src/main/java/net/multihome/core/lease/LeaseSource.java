package net.multihome.core.lease;

import java.util.Map;

/** The latest DHCPv4 leases by interface name; an immutable map each call, never blocking. */
@FunctionalInterface
public interface LeaseSource {

    LeaseSource NONE = Map::of;

    Map<String, DhcpLease> leases();
}
