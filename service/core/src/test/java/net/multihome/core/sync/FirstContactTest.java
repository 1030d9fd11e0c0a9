package net.multihome.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.multihome.core.sync.FirstContact.Decision;
import org.junit.jupiter.api.Test;

/** A router's first contact with its peer after a start: who is behind, by the epochs. */
class FirstContactTest {
    @Test
    void aRouterThatRestartedOnAnOlderStartupTakesThePeers() {
        assertEquals(Decision.TAKE_PEERS, FirstContact.decide(3, 7, false));
    }

    @Test
    void aRouterWhosePeerMissedCommitsPushes() {
        assertEquals(Decision.PUSH, FirstContact.decide(7, 3, false));
    }

    @Test
    void theSameEpochAndSharedConfigurationIsInSync() {
        assertEquals(Decision.IN_SYNC, FirstContact.decide(7, 7, true));
    }

    @Test
    void theSameEpochOverDifferentSharedConfigurationsIsDiverged() {
        assertEquals(Decision.DIVERGED, FirstContact.decide(7, 7, false));
    }

    @Test
    void epochsCompareUnsigned() {
        assertEquals(Decision.TAKE_PEERS, FirstContact.decide(7, -1L, false));
    }
}
