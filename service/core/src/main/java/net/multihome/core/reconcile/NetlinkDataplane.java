package net.multihome.core.reconcile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.multihome.netlink.BatchResult;
import net.multihome.netlink.NetlinkBatch;
import net.multihome.netlink.NetlinkException;
import net.multihome.netlink.NetlinkHandle;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.Rule;

/**
 * The kernel of the process's own network namespace as a {@link Dataplane}: rtnetlink for
 * objects (all changes of a pass in one batch), {@code /proc/sys/net} for sysctls.
 */
public final class NetlinkDataplane implements Dataplane {

    private static final Path SYSCTL_ROOT = Path.of("/proc/sys/net");

    private final NetlinkHandle handle;

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
    public List<String> apply(List<Change> changes) {
        NetlinkBatch batch = handle.batch();
        for (Change change : changes) {
            switch (change) {
                case Change.PutRoute p -> {
                    if (p.replace()) {
                        batch.routeReplace(p.route());
                    } else {
                        batch.routeAdd(p.route());
                    }
                }
                case Change.DeleteRoute d -> batch.routeDelete(d.route());
                case Change.AddRule a -> batch.ruleAdd(a.rule());
                case Change.DeleteRule d -> batch.ruleDelete(d.rule());
                case Change.PutNexthop p -> {
                    if (p.replace()) {
                        batch.nexthopReplace(p.nexthop());
                    } else {
                        batch.nexthopAdd(p.nexthop());
                    }
                }
                case Change.DeleteNexthop d -> batch.nexthopDelete(d.nexthop().id());
            }
        }
        BatchResult result = batch.execute();
        List<String> out = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            Optional<NetlinkException> error = result.error(i);
            out.add(error.map(NetlinkException::getMessage).orElse(null));
        }
        return out;
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
}
