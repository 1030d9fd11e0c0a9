package net.multihome.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.multihome.core.plan.Verdict;
import net.multihome.core.config.HealthCheck;
import net.multihome.core.plan.ProviderHealth;
import net.multihome.core.status.ProbeStats;
import org.junit.jupiter.api.Test;

class HealthDeciderTest {

    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final HealthCheck ONE_TARGET = HealthChecks.defaults(List.of(HealthChecks.icmp("192.0.2.1")));
    private static final ProbeStats CLEAN = new ProbeStats(10_000, 9_000, 11_000, 500, new BigDecimal("0.00"), 1, 0);

    private Instant now = Instant.parse("2026-11-28T12:00:00Z");

    private HealthDecider decider(HealthCheck config) {
        return HealthDecider.startingUp(config, now);
    }

    /** Feeds {@code n} rounds one interval apart and returns the last verdict. */
    private Verdict rounds(HealthDecider d, int n, int answered, int probed, ProbeStats stats) {
        Verdict v = d.verdict();
        for (int i = 0; i < n; i++) {
            now = now.plus(INTERVAL);
            v = d.onRound(now, answered, probed, stats);
        }
        return v;
    }

    private Verdict good(HealthDecider d, int n) {
        return rounds(d, n, 1, 1, CLEAN);
    }

    private Verdict bad(HealthDecider d, int n) {
        return rounds(d, n, 0, 1, CLEAN);
    }

    private static ProbeStats stats(long rttMicros, String loss) {
        return new ProbeStats(rttMicros, rttMicros, rttMicros, 0, new BigDecimal(loss), 100, 0);
    }

    @Test
    void startsUpUntilProvenDown() {
        HealthDecider d = decider(ONE_TARGET);
        assertEquals(ProviderHealth.UP, d.verdict().health());
        assertEquals(now, d.verdict().since());
    }

    @Test
    void theReasonOfAnUpProviderTellsHowCloseItIsToDown() {
        HealthDecider d = decider(ONE_TARGET);
        assertEquals("no probe round finished yet", d.verdict().reason());
        assertEquals("health checks pass", good(d, 1).reason());
        assertEquals("2 consecutive failed rounds; down at 3", bad(d, 2).reason());
    }

    @Test
    void goesDownOnTheThirdConsecutiveBadRound() {
        HealthDecider d = decider(ONE_TARGET);
        assertEquals(ProviderHealth.UP, bad(d, 2).health());
        Verdict down = bad(d, 1);
        assertEquals(ProviderHealth.DOWN, down.health());
        assertEquals("3 consecutive rounds with fewer than 1 of 1 targets answering", down.reason());
        assertEquals(now, down.since());
    }

    @Test
    void aGoodRoundResetsTheBadStreak() {
        HealthDecider d = decider(ONE_TARGET);
        bad(d, 2);
        good(d, 1);
        assertEquals(ProviderHealth.UP, bad(d, 2).health());
        assertEquals(ProviderHealth.DOWN, bad(d, 1).health());
    }

    @Test
    void comesBackOnTheFifthConsecutiveGoodRound() {
        HealthDecider d = decider(ONE_TARGET);
        bad(d, 3);
        good(d, 4);
        bad(d, 1);
        assertEquals(ProviderHealth.DOWN, good(d, 4).health());
        Verdict up = good(d, 1);
        assertEquals(ProviderHealth.UP, up.health());
        assertEquals("5 consecutive good rounds", up.reason());
    }

    @Test
    void reliabilityCountsTargetsThatMustAnswer() {
        HealthDecider d = decider(HealthChecks.withReliability(ONE_TARGET, 2));
        assertEquals(ProviderHealth.DOWN, rounds(d, 3, 1, 3, CLEAN).health());
        assertEquals("3 consecutive rounds with fewer than 2 of 3 targets answering", d.verdict().reason());
        assertEquals(ProviderHealth.UP, rounds(d, 5, 2, 3, CLEAN).health());
    }

    @Test
    void reliabilityAboveTheTargetsProbedIsCapped() {
        HealthDecider d = decider(HealthChecks.withReliability(ONE_TARGET, 3));
        assertEquals(ProviderHealth.UP, rounds(d, 10, 2, 2, CLEAN).health());
    }

    @Test
    void degradedWhileAverageLatencyIsAboveThreshold() {
        HealthDecider d = decider(HealthChecks.withDegraded(ONE_TARGET, Duration.ofMillis(50), null));
        assertEquals(ProviderHealth.UP, rounds(d, 1, 1, 1, stats(50_000, "0")).health());
        Verdict slow = rounds(d, 1, 1, 1, stats(50_001, "0"));
        assertEquals(ProviderHealth.DEGRADED, slow.health());
        assertEquals("average RTT 50.001 ms above threshold 50 ms", slow.reason());
        Verdict back = rounds(d, 1, 1, 1, stats(20_000, "0"));
        assertEquals(ProviderHealth.UP, back.health());
        assertEquals("health checks pass", back.reason());
    }

    @Test
    void degradedWhileLossIsAboveThreshold() {
        HealthDecider d = decider(HealthChecks.withDegraded(ONE_TARGET, null, "5"));
        assertEquals(ProviderHealth.UP, rounds(d, 1, 1, 1, stats(1_000, "5.00")).health());
        Verdict lossy = rounds(d, 1, 1, 1, stats(1_000, "5.01"));
        assertEquals(ProviderHealth.DEGRADED, lossy.health());
        assertEquals("loss 5.01 % above threshold 5 %", lossy.reason());
    }

    @Test
    void aDegradedProviderStillGoesDownAndReturnsDegraded() {
        HealthDecider d = decider(HealthChecks.withDegraded(ONE_TARGET, null, "10"));
        ProbeStats lossy = stats(1_000, "40.00");
        assertEquals(ProviderHealth.DEGRADED, rounds(d, 1, 1, 1, lossy).health());
        assertEquals(ProviderHealth.DOWN, rounds(d, 3, 0, 1, lossy).health());
        assertEquals(ProviderHealth.DEGRADED, rounds(d, 5, 1, 1, lossy).health());
    }

    @Test
    void lostCarrierTakesItDownAtOnce() {
        HealthDecider d = decider(ONE_TARGET);
        good(d, 10);
        Verdict v = d.onLink(now, false, "interface eth1 has no carrier");
        assertEquals(ProviderHealth.DOWN, v.health());
        assertEquals("interface eth1 has no carrier", v.reason());
        assertEquals(now, v.since());
    }

    @Test
    void roundsDoNotCountWhileTheLinkIsDown() {
        HealthDecider d = decider(ONE_TARGET);
        d.onLink(now, false, "interface eth1 is administratively down");
        assertEquals(ProviderHealth.DOWN, good(d, 20).health());
        d.onLink(now, true, "interface eth1 is up");
        assertEquals("interface eth1 is up; waiting for 5 good rounds", d.verdict().reason());
        assertEquals(ProviderHealth.DOWN, good(d, 4).health());
        assertEquals(ProviderHealth.UP, good(d, 1).health());
    }

    @Test
    void repeatedLinkUpEventsDoNotResetTheBadStreak() {
        HealthDecider d = decider(ONE_TARGET);
        bad(d, 2);
        d.onLink(now, true, "interface eth1 is up");
        assertEquals(ProviderHealth.DOWN, bad(d, 1).health());
    }

    /** One flap: down after 3 bad rounds, up after 5 good ones. */
    private Verdict flap(HealthDecider d) {
        bad(d, 3);
        return good(d, 5);
    }

    @Test
    void theFourthTransitionToUpWithinTheFlapWindowIsHeldDown() {
        HealthDecider d = decider(ONE_TARGET);
        for (int i = 0; i < 3; i++) {
            assertEquals(ProviderHealth.UP, flap(d).health(), "flap " + (i + 1));
        }
        Verdict held = flap(d);
        assertEquals(ProviderHealth.DOWN, held.health());
        assertEquals("flap damping: 4 transitions to up within 60 s; held down for 10 s", held.reason());
        Instant heldAt = now;
        while (now.isBefore(heldAt.plusSeconds(10).minus(INTERVAL))) {
            assertEquals(ProviderHealth.DOWN, good(d, 1).health(), "held at " + now);
        }
        Verdict released = good(d, 1);
        assertEquals(ProviderHealth.UP, released.health());
        assertTrue(released.reason().startsWith("flap hold-down ended after 10 s"), released.reason());
    }

    @Test
    void aFailingLinkStaysDownAfterItsHoldDownEnds() {
        HealthDecider d = decider(ONE_TARGET);
        for (int i = 0; i < 4; i++) {
            flap(d);
        }
        assertEquals(ProviderHealth.DOWN, bad(d, 60).health());
        assertEquals("flap hold-down ended; waiting for 5 good rounds", d.verdict().reason());
        assertEquals(ProviderHealth.UP, good(d, 5).health());
    }

    /** Flaps until a hold-down starts, waits it out with good rounds, and returns its length. */
    private Duration nextHoldDown(HealthDecider d) {
        for (int i = 0; i < 10 && d.verdict().health() != ProviderHealth.DOWN; i++) {
            flap(d);
        }
        Instant heldAt = now;
        for (int i = 0; i < 10_000 && d.verdict().health() == ProviderHealth.DOWN; i++) {
            good(d, 1);
        }
        return Duration.between(heldAt, now);
    }

    @Test
    void holdTimeDoublesForEachFurtherHoldDownWithinTheWindowUpToTheMaximum() {
        HealthDecider d = decider(HealthChecks.withDamping(ONE_TARGET,
                new HealthCheck.Damping(true, 4, Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(30))));
        assertEquals(10_000, nextHoldDown(d).toMillis());
        assertEquals(20_000, nextHoldDown(d).toMillis());
        assertEquals(30_000, nextHoldDown(d).toMillis());
        assertEquals(30_000, nextHoldDown(d).toMillis());
    }

    @Test
    void holdTimeStartsOverAfterAQuietFlapWindow() {
        HealthDecider d = decider(ONE_TARGET);
        assertEquals(10_000, nextHoldDown(d).toMillis());
        assertEquals(20_000, nextHoldDown(d).toMillis());
        now = now.plusSeconds(61);
        assertEquals(10_000, nextHoldDown(d).toMillis());
    }

    @Test
    void flapsOlderThanTheWindowAreForgotten() {
        HealthDecider d = decider(ONE_TARGET);
        for (int i = 0; i < 3; i++) {
            flap(d);
        }
        now = now.plusSeconds(61);
        for (int i = 0; i < 3; i++) {
            assertEquals(ProviderHealth.UP, flap(d).health());
        }
    }

    @Test
    void withoutDampingAFlappingLinkIsNeverHeld() {
        HealthDecider d = decider(HealthChecks.withDamping(ONE_TARGET,
                new HealthCheck.Damping(false, 4, Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(300))));
        for (int i = 0; i < 20; i++) {
            assertEquals(ProviderHealth.UP, flap(d).health());
        }
    }
}
