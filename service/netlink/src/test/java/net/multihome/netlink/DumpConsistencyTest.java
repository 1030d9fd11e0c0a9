package net.multihome.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.Nexthop;
import net.multihome.testing.Await;
import org.junit.jupiter.api.Test;

class DumpConsistencyTest extends NetnsTestBase {

    private static final int OBJECTS = 4000;
    private static final int CHURN_ID = 900_000;

    @Test
    void dumpRacingWithChangesIsReportedAsInterrupted() throws Exception {
        NetlinkBatch batch = nl.batch();
        for (int id = 1; id <= OBJECTS; id++) {
            batch.add(new Change.AddNexthop(new Nexthop.Single(id, Family.INET, GW1, wan1, false, OWNER)));
        }
        assertTrue(batch.execute().allSucceeded());

        AtomicBoolean stop = new AtomicBoolean();
        Instant end = Instant.now().plus(Await.DEADLINE);
        Thread churn = Thread.ofPlatform().start(() -> {
            try (NetlinkHandle other = NetlinkHandle.open(ns.path())) {
                Nexthop nh = new Nexthop.Single(CHURN_ID, Family.INET, GW2, wan2, false, OWNER);
                while (!stop.get() && Instant.now().isBefore(end)) {
                    other.apply(new Change.AddNexthop(nh));
                    other.apply(new Change.DeleteNexthop(CHURN_ID));
                }
            }
        });
        boolean interrupted = false;
        int consistent = 0;
        try {
            while (!interrupted && Instant.now().isBefore(end)) {
                try {
                    nl.nexthops();
                    consistent++;
                } catch (DumpInterruptedException e) {
                    interrupted = true;
                    assertEquals("EINTR", e.errnoName());
                }
            }
        } finally {
            stop.set(true);
            churn.join(Await.DEADLINE.toMillis());
        }
        assertTrue(interrupted, "no NLM_F_DUMP_INTR seen in " + consistent + " dumps");
        assertEquals(OBJECTS, nl.nexthops().size(), "a quiet dump is complete again");
    }
}
