package net.multihome.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.multihome.core.sync.EpochCheck.Verdict;
import org.junit.jupiter.api.Test;

class EpochCheckTest {
    @Test
    void aNewerPushMadeOnTheReceiversEpochIsTaken() {
        assertEquals(new Verdict.Accept(), EpochCheck.judge(5, 5, 6, false));
        assertEquals(new Verdict.Accept(), EpochCheck.judge(5, 5, 9, false));
    }

    @Test
    void anEqualOrOlderEpochIsRefused() {
        assertEquals(new Verdict.Stale(5, 5), EpochCheck.judge(5, 5, 5, false));
        assertEquals(new Verdict.Stale(5, 4), EpochCheck.judge(5, 5, 4, false));
    }

    @Test
    void aPushMadeOnAnotherEpochHasDiverged() {
        // Split brain: both were at 5 and each committed once while apart.
        assertEquals(new Verdict.Diverged(6, 5), EpochCheck.judge(6, 5, 6, false));
        assertEquals(new Verdict.Diverged(7, 5), EpochCheck.judge(7, 5, 6, false));
        assertEquals(new Verdict.Diverged(5, 6), EpochCheck.judge(5, 6, 7, false));
    }

    @Test
    void aRepeatedPushTheReceiverRunsIsNothingToDo() {
        assertEquals(new Verdict.AlreadyRunning(), EpochCheck.judge(6, 5, 6, true));
    }
}
