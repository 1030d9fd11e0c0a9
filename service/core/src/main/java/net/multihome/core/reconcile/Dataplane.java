package net.multihome.core.reconcile;

import java.util.List;
import net.multihome.netlink.ApplyResult;
import net.multihome.netlink.Change;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.Rule;

/**
 * The kernel as the reconciler sees it: read everything, apply ordered changes. Reads return
 * every object, ours or not; the reconciler filters by owner tag.
 */
public interface Dataplane {

    List<Link> links();

    List<Address> addresses();

    /** Routes of every table for the family. */
    List<Route> routes(Family family);

    List<Rule> rules(Family family);

    List<Nexthop> nexthops();

    /**
     * Applies the changes in order; a refused change does not stop the ones after it.
     *
     * @return one result per change, in the same order
     */
    List<ApplyResult> apply(List<Change> changes);

    /** Reads a sysctl below {@code /proc/sys/net/}, e.g. {@code ipv4/fib_multipath_hash_policy}. */
    String sysctl(String path);

    void setSysctl(String path, String value);

    /**
     * The daemon's nftables table ({@code inet multihome}) as libnftables lists it, JSON, or
     * null when it does not exist.
     */
    String natTable();

    /**
     * Runs one nftables transaction (libnftables JSON): all of it or nothing.
     *
     * @throws net.multihome.netlink.nft.NftablesException with nft's words when refused
     */
    void nft(String transaction);

    /**
     * Deletes the conntrack entries whose mark has {@code mark} under {@code mask}, IPv4 and
     * IPv6; returns how many went.
     *
     * @throws net.multihome.netlink.NetlinkException with the kernel's words when it refuses
     */
    int deleteConnections(long mark, long mask);
}
