package net.multihome.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.GroupType;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.RouteScope;
import net.multihome.netlink.model.RouteType;
import net.multihome.netlink.socket.Errno;
import org.junit.jupiter.api.Test;

class BatchOperationsTest extends NetnsTestBase {

    private static final int COUNT = 3000;
    private static final int BAD_NEXTHOP = 10;
    private static final int BAD_GATEWAY = 2500;

    private List<Route> routesWithTwoBad() {
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String dst = "10." + (i >> 8) + "." + (i & 0xff) + ".0/24";
            if (i == BAD_NEXTHOP) {
                routes.add(new Route(Family.INET, IpPrefix.parse(dst), 1000, RouteType.UNICAST,
                        RouteScope.UNIVERSE, OWNER, null, 0, null, 0, List.of(), 999));
            } else {
                routes.add(via(dst, 1000, i == BAD_GATEWAY ? GW2 : GW1, wan1, 0));
            }
        }
        return routes;
    }

    @Test
    void eachErrorMapsToTheRequestThatCausedItAcrossSeveralSends() {
        List<Route> routes = routesWithTwoBad();
        NetlinkBatch batch = nl.batch();
        routes.forEach(r -> batch.add(new Change.AddRoute(r)));
        BatchResult result = batch.execute();

        assertEquals(COUNT, result.size());
        assertEquals(List.of(BAD_NEXTHOP, BAD_GATEWAY), result.failedIndexes());
        assertEquals("EINVAL: Nexthop id does not exist", result.failure(BAD_NEXTHOP).orElseThrow().message());
        ApplyResult.Failed badGateway = result.failure(BAD_GATEWAY).orElseThrow();
        assertEquals("ENETUNREACH: Nexthop has invalid gateway", badGateway.message());
        assertEquals(Errno.ENETUNREACH, badGateway.errno());
        assertEquals(Optional.of("Nexthop has invalid gateway"), badGateway.extendedAck());
        assertFalse(badGateway.retryable());
        assertEquals(new Change.AddRoute(routes.get(BAD_GATEWAY)), result.change(BAD_GATEWAY));
        assertEquals(COUNT - 2, nl.routes(Family.INET, 1000).size());

        NetlinkBatch delete = nl.batch();
        routes.forEach(r -> delete.add(new Change.DeleteRoute(r)));
        BatchResult deleted = delete.execute();
        assertEquals(List.of(BAD_NEXTHOP, BAD_GATEWAY), deleted.failedIndexes());
        assertEquals("ESRCH", deleted.failure(BAD_GATEWAY).orElseThrow().errnoName());
        assertEquals(List.of(), nl.routes(Family.INET, 1000));
    }

    @Test
    void requestsAreAppliedInOrderSoLaterOnesMaySeeEarlierOnes() {
        BatchResult result = nl.batch()
                .add(new Change.AddNexthop(new Nexthop.Single(1, Family.INET, GW1, wan1, false, OWNER)))
                .add(new Change.AddNexthop(new Nexthop.Single(2, Family.INET, GW2, wan2, false, OWNER)))
                .add(new Change.AddNexthop(new Nexthop.Group(3,
                        List.of(new Nexthop.Member(1, 1), new Nexthop.Member(2, 1)), GroupType.HASH_THRESHOLD, null,
                        OWNER)))
                .add(new Change.AddRoute(new Route(Family.INET, IpPrefix.parse("0.0.0.0/0"), 1000,
                        RouteType.UNICAST, RouteScope.UNIVERSE, OWNER, null, 0, null, 0, List.of(), 3)))
                .execute();
        assertTrue(result.allSucceeded(), result.toString());
        assertEquals(3, nl.routes(Family.INET, 1000).getFirst().nexthopId());
    }

    @Test
    void emptyBatchAndSecondExecute() {
        NetlinkBatch batch = nl.batch();
        assertEquals(0, batch.execute().size());
        assertThrows(IllegalStateException.class, batch::execute);
    }
}
