package net.multihome.netlink;

import java.net.InetAddress;
import java.util.List;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpAddresses;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.RouteScope;
import net.multihome.netlink.model.RouteType;
import net.multihome.testing.Await;
import net.multihome.testing.Namespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * Each test gets a fresh namespace and a handle on it; both go away afterwards, also on failure.
 * The namespace has veth wan1 (192.0.2.2/24) and wan2 (198.51.100.2/24) whose peers wan1p and
 * wan2p stay inside, all up with carrier.
 */
@Tag("netns")
abstract class NetnsTestBase {

    static final int OWNER = 250;
    static final InetAddress GW1 = IpAddresses.parse("192.0.2.1");
    static final InetAddress GW2 = IpAddresses.parse("198.51.100.1");

    Namespace ns;
    NetlinkHandle nl;
    int wan1;
    int wan2;

    @BeforeEach
    void createNamespace() {
        ns = Namespace.create("nl", NetnsTestBase::uplinks);
        nl = NetlinkHandle.open(ns.path());
        wan1 = nl.link("wan1").orElseThrow().index();
        wan2 = nl.link("wan2").orElseThrow().index();
    }

    @AfterEach
    void deleteNamespace() {
        try {
            if (nl != null) {
                nl.close();
            }
        } finally {
            if (ns != null) {
                ns.close();
            }
        }
    }

    private static void uplinks(Namespace ns) {
        ns.veth("wan1", "wan1p");
        ns.veth("wan2", "wan2p");
        ns.address("wan1", "192.0.2.2/24");
        ns.address("wan2", "198.51.100.2/24");
        try (NetlinkHandle nl = NetlinkHandle.open(ns.path())) {
            Await.until("carrier on wan1 and wan2", () -> nl.link("wan1").orElseThrow().carrier()
                    && nl.link("wan2").orElseThrow().carrier());
        }
    }

    Route via(String destination, long table, InetAddress gateway, int oif, long metric) {
        return new Route(Family.INET, IpPrefix.parse(destination), table, RouteType.UNICAST, RouteScope.UNIVERSE,
                OWNER, gateway, oif, null, metric, List.of(), 0);
    }
}
