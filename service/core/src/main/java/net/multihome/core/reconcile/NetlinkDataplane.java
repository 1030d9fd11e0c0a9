package net.multihome.core.reconcile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.multihome.netlink.ApplyResult;
import net.multihome.netlink.Change;
import net.multihome.netlink.NetlinkBatch;
import net.multihome.netlink.NetlinkHandle;
import net.multihome.netlink.conntrack.ConntrackHandle;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.Rule;
import net.multihome.netlink.nft.Nftables;
import net.multihome.netlink.nft.NftablesException;

/**
 * The kernel of the process's own network namespace as a {@link Dataplane}: rtnetlink for
 * objects (all changes of a pass in one batch), {@code /proc/sys/net} for sysctls.
 */
public final class NetlinkDataplane implements Dataplane {

    private static final Path SYSCTL_ROOT = Path.of("/proc/sys/net");

    private final NetlinkHandle handle;
    /** Opened on first use: a router that translates nothing needs no libnftables. */
    private Nftables nftables;
    private ConntrackHandle conntrack;

    public NetlinkDataplane(NetlinkHandle handle) {
        this.handle = handle;
    }

    @Override
    public List<Link> links() {
        return handle.links();
    }

    @Override
    public List<Address> addresses() {
        List<Address> out = new ArrayList<>(handle.addresses(Family.INET));
        out.addAll(handle.addresses(Family.INET6));
        return out;
    }

    @Override
    public List<Route> routes(Family family) {
        return handle.routes(family, 0);
    }

    @Override
    public List<Rule> rules(Family family) {
        return handle.rules(family);
    }

    @Override
    public List<Nexthop> nexthops() {
        return handle.nexthops();
    }

    @Override
    public List<ApplyResult> apply(List<Change> changes) {
        NetlinkBatch batch = handle.batch();
        changes.forEach(batch::add);
        return batch.execute().results();
    }

    @Override
    public String sysctl(String path) {
        try {
            return Files.readString(SYSCTL_ROOT.resolve(path)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read net." + path.replace('/', '.'), e);
        }
    }

    @Override
    public void setSysctl(String path, String value) {
        try {
            Files.writeString(SYSCTL_ROOT.resolve(path), value + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set net." + path.replace('/', '.') + " to " + value, e);
        }
    }

    @Override
    public String natTable() {
        try {
            return nftables().run(NatTable.list());
        } catch (NftablesException e) {
            if (e.getMessage().contains("No such file or directory")) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void nft(String transaction) {
        nftables().run(transaction);
    }

    @Override
    public int deleteConnections(long mark, long mask) {
        if (conntrack == null) {
            conntrack = ConntrackHandle.open();
        }
        return conntrack.deleteByMark(mark, mask);
    }

    private Nftables nftables() {
        if (nftables == null) {
            nftables = Nftables.open();
        }
        return nftables;
    }
}
