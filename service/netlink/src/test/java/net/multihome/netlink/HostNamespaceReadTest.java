package net.multihome.netlink;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.Link;
import org.junit.jupiter.api.Test;

/** Read-only dumps of the namespace the tests run in: no root needed, nothing is changed. */
class HostNamespaceReadTest {

    @Test
    void loopbackIsListed() {
        try (NetlinkHandle nl = NetlinkHandle.open()) {
            assertTrue(nl.links().stream().map(Link::name).anyMatch("lo"::equals));
            assertTrue(nl.link("lo").orElseThrow().adminUp());
            assertTrue(nl.addresses(Family.INET).stream().anyMatch(a -> a.address().isLoopbackAddress()));
            assertTrue(nl.rules(Family.INET).stream().anyMatch(r -> r.table() == 254));
            assertTrue(nl.routes(Family.INET, 255).stream().allMatch(r -> r.table() == 255), "kernel-side filter");
        }
    }
}
