package net.multihome.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpAddresses;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.OperState;
import net.multihome.netlink.model.RouteScope;
import net.multihome.testing.Await;
import org.junit.jupiter.api.Test;

class LinkAndAddressOperationsTest extends NetnsTestBase {

    private static final int IFA_F_PERMANENT = 0x80;

    @Test
    void linksOfTheNamespaceOnly() {
        List<Link> links = nl.links();
        assertEquals(List.of("lo", "wan1", "wan1p", "wan2", "wan2p"),
                links.stream().map(Link::name).sorted().toList());
        Link wan = nl.link("wan1").orElseThrow();
        assertTrue(wan.adminUp() && wan.carrier());
        assertEquals(OperState.UP, wan.operState());
        assertEquals("veth", wan.kind());
        assertEquals(1500, wan.mtu());
        assertTrue(nl.link("nosuch0").isEmpty());
    }

    @Test
    void openingInANamespaceLeavesTheCallersNamespaceAlone() throws Exception {
        Path own = Path.of("/proc/thread-self/ns/net");
        String before = Files.readSymbolicLink(own).toString();
        try (NetlinkHandle other = NetlinkHandle.open(ns.path())) {
            assertTrue(other.link("wan1").isPresent());
        }
        assertEquals(before, Files.readSymbolicLink(own).toString());
    }

    @Test
    void aliasAndCountersAreRead() {
        ns.ip("link", "set", "wan1", "alias", "uplink A");
        Link wan = nl.link("wan1").orElseThrow();
        assertEquals("uplink A", wan.alias());
        assertTrue(wan.stats().txPackets() >= 0);
    }

    @Test
    void adminDownAndUp() {
        nl.apply(new Change.SetLinkDown(wan2));
        Link down = nl.link("wan2").orElseThrow();
        assertFalse(down.adminUp());
        assertFalse(down.carrier());
        nl.apply(new Change.SetLinkUp(wan2));
        Await.until("carrier back on wan2", () -> nl.link("wan2").orElseThrow().carrier());
    }

    @Test
    void addressAddDumpDelete() {
        Address a = new Address(wan1, IpAddresses.parse("203.0.113.5"), 24, RouteScope.UNIVERSE);
        nl.apply(new Change.AddAddress(a));
        List<Address> all = nl.addresses(Family.INET);
        // Dumped with the kernel's flags: added without lifetimes, they are permanent.
        assertTrue(all.contains(permanent(a)), all.toString());
        assertTrue(all.contains(permanent(new Address(wan1, IpAddresses.parse("192.0.2.2"), 24, RouteScope.UNIVERSE))));
        assertTrue(all.stream().anyMatch(x -> x.scope() == RouteScope.HOST), "lo's 127.0.0.1");
        nl.apply(new Change.DeleteAddress(a));
        assertFalse(nl.addresses(Family.INET).stream().anyMatch(x -> x.address().equals(a.address())));
    }

    private static Address permanent(Address a) {
        return new Address(a.ifindex(), a.address(), a.prefixLength(), a.scope(), a.peer(), IFA_F_PERMANENT);
    }
}
