package net.multihome.netlink;

import java.net.InetAddress;
import java.util.List;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpAddresses;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.RouteScope;
import net.multihome.netlink.model.RouteType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** Each test gets a fresh namespace and a handle on it; both go away afterwards, also on failure. */
@Tag("netns")
abstract class NetnsTestBase {

    static final int OWNER = 250;
    static final InetAddress GW1 = IpAddresses.parse("192.0.2.1");
    static final InetAddress GW2 = IpAddresses.parse("198.51.100.1");

    TestNamespace ns;
    NetlinkHandle nl;
    int wan1;
    int wan2;

    @BeforeEach
    void createNamespace() {
        TestNamespace.assumeRoot();
        ns = TestNamespace.create();
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

    Route via(String destination, long table, InetAddress gateway, int oif, long metric) {
        return new Route(Family.INET, IpPrefix.parse(destination), table, RouteType.UNICAST, RouteScope.UNIVERSE,
                OWNER, gateway, oif, null, metric, List.of(), 0);
    }
}
