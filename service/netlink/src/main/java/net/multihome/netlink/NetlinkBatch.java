package net.multihome.netlink;

import java.util.ArrayList;
import java.util.List;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.Rule;

/**
 * Changes collected for one {@link #execute()}: they go to the kernel in as few
 * {@code send()} calls as fit the socket's buffer, and every request gets its own result, so
 * an error maps back to the request (by index, in the order added) that caused it. A failed
 * request does not stop the ones after it. Not thread-safe; execute once.
 */
public final class NetlinkBatch {

    private final NetlinkHandle handle;
    private final List<Request> requests = new ArrayList<>();
    private boolean executed;

    NetlinkBatch(NetlinkHandle handle) {
        this.handle = handle;
    }

    /** Adds {@code ip route add ...}; returns this batch. */
    public NetlinkBatch routeAdd(Route route) {
        return add(Requests.routeAdd(route));
    }

    /** Adds {@code ip route replace ...}. */
    public NetlinkBatch routeReplace(Route route) {
        return add(Requests.routeReplace(route));
    }

    /** Adds {@code ip route del ...} (key only). */
    public NetlinkBatch routeDelete(Route route) {
        return add(Requests.routeDelete(route));
    }

    /** Adds {@code ip rule add ...}. */
    public NetlinkBatch ruleAdd(Rule rule) {
        return add(Requests.ruleAdd(rule));
    }

    /** Adds {@code ip rule del ...}. */
    public NetlinkBatch ruleDelete(Rule rule) {
        return add(Requests.ruleDelete(rule));
    }

    /** Adds {@code ip nexthop add ...}. */
    public NetlinkBatch nexthopAdd(Nexthop nexthop) {
        return add(Requests.nexthopAdd(nexthop));
    }

    /** Adds {@code ip nexthop replace ...}. */
    public NetlinkBatch nexthopReplace(Nexthop nexthop) {
        return add(Requests.nexthopReplace(nexthop));
    }

    /** Adds {@code ip nexthop del id ID}. */
    public NetlinkBatch nexthopDelete(int id) {
        return add(Requests.nexthopDelete(id));
    }

    /** Adds {@code ip addr add ...}. */
    public NetlinkBatch addressAdd(Address address) {
        return add(Requests.addressAdd(address));
    }

    /** Adds {@code ip addr del ...}. */
    public NetlinkBatch addressDelete(Address address) {
        return add(Requests.addressDelete(address));
    }

    /** Requests added so far. */
    public int size() {
        return requests.size();
    }

    /**
     * Sends every request and waits for the kernel to have processed all of them.
     *
     * @throws NetlinkException when the socket fails (per-request refusals are in the result instead)
     */
    public BatchResult execute() {
        if (executed) {
            throw new IllegalStateException("batch already executed");
        }
        executed = true;
        return new BatchResult(handle.executeAll(requests));
    }

    private NetlinkBatch add(Request request) {
        if (executed) {
            throw new IllegalStateException("batch already executed");
        }
        requests.add(request);
        return this;
    }
}
