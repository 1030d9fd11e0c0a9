package net.multihome.core.health;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import net.multihome.core.plan.Verdict;
import net.multihome.core.config.HealthCheck;
import net.multihome.core.plan.ProviderHealth;
import net.multihome.core.status.ProbeStats;

/**
 * The health verdict of one provider, decided from probe rounds and link events. Pure: it is
 * fed results with their timestamps and never reads a clock, so tests drive time directly.
 *
 * <p>Rules, after the YANG {@code health-check} container:
 * <ul>
 * <li>A round is good when at least {@code reliability} targets answered (capped at the number
 * of targets probed).
 * <li>{@code downCount} consecutive bad rounds take a working provider DOWN; {@code upCount}
 * consecutive good rounds bring a DOWN provider back.
 * <li>A working provider is DEGRADED while the window's average RTT or loss is above a
 * configured threshold, UP otherwise.
 * <li>Lost carrier or admin-down takes the provider DOWN at once; rounds do not count while
 * the link is down, and after link-up it needs {@code upCount} good rounds like any return.
 * <li>Damping: transitions to up within {@code flapWindow} are counted; the one that would
 * reach {@code maxFlaps} is not carried out and the provider is held DOWN for
 * {@code holdTime}. A hold-down that starts within {@code flapWindow} after the previous one
 * ended lasts twice as long as that one, up to {@code maxHoldTime}. When the hold ends, the
 * provider comes up as soon as its last {@code upCount} rounds were good.
 * </ul>
 *
 * <p>Initial state is UP ("up until proven down"): after a service restart the kernel still
 * routes through working providers, and starting DOWN would withdraw every one of them until
 * {@code upCount} rounds passed. A dead provider is found within {@code downCount} rounds.
 *
 * <p>Not thread-safe; its owner serialises calls.
 */
final class HealthDecider {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final HealthCheck config;
    private Verdict verdict;
    private int goodStreak;
    private int badStreak;
    private boolean linkUsable = true;
    private ProbeStats window = ProbeStats.NONE;
    private final Deque<Instant> upTransitions = new ArrayDeque<>();
    private Instant holdUntil;
    private Duration lastHold;
    private Instant lastHoldEnd;

    HealthDecider(HealthCheck config, Verdict initial) {
        this.config = config;
        this.verdict = initial;
    }

    /** A decider for a provider just configured or a service just started: UP until proven down. */
    static HealthDecider startingUp(HealthCheck config, Instant now) {
        return new HealthDecider(config, new Verdict(ProviderHealth.UP, "no probe round finished yet", now));
    }

    Verdict verdict() {
        return verdict;
    }

    /**
     * A decider for a changed configuration that keeps what this one learned: verdict, link
     * state and damping history. Streaks start over, since rounds counted for other targets.
     */
    HealthDecider reconfigured(HealthCheck newConfig) {
        HealthDecider d = new HealthDecider(newConfig, verdict);
        d.linkUsable = linkUsable;
        d.window = window;
        d.upTransitions.addAll(upTransitions);
        d.holdUntil = holdUntil;
        d.lastHold = lastHold;
        d.lastHoldEnd = lastHoldEnd;
        return d;
    }

    /**
     * Takes one finished round.
     *
     * @param answered targets that answered in time
     * @param probed targets probed in the round
     * @param windowStats the provider's statistics including this round, for the degraded check
     */
    Verdict onRound(Instant at, int answered, int probed, ProbeStats windowStats) {
        window = windowStats;
        if (!linkUsable) {
            return verdict;
        }
        int needed = Math.min(config.reliability(), probed);
        if (answered >= needed) {
            goodStreak++;
            badStreak = 0;
        } else {
            badStreak++;
            goodStreak = 0;
        }
        if (verdict.health() == ProviderHealth.DOWN) {
            whileDown(at);
        } else if (badStreak >= config.downCount()) {
            set(at, ProviderHealth.DOWN, badStreak + " consecutive rounds with fewer than " + needed + " of "
                    + probed + " targets answering");
        } else {
            setWorking(at, null);
        }
        return verdict;
    }

    /**
     * Takes a link event: without carrier or admin-up the provider is DOWN at once. Repeated
     * events of an unchanged state (netlink sends many) change nothing but the reason.
     *
     * @param why the link's state in words, e.g. "interface eth1 has no carrier"
     */
    Verdict onLink(Instant at, boolean usable, String why) {
        if (!usable) {
            linkUsable = false;
            goodStreak = 0;
            set(at, ProviderHealth.DOWN, why);
        } else if (!linkUsable) {
            linkUsable = true;
            goodStreak = 0;
            badStreak = 0;
            if (verdict.health() == ProviderHealth.DOWN) {
                set(at, ProviderHealth.DOWN, why + "; waiting for " + config.upCount() + " good rounds");
            }
        }
        return verdict;
    }

    private void whileDown(Instant at) {
        if (holdUntil != null) {
            if (at.isBefore(holdUntil)) {
                return;
            }
            lastHoldEnd = holdUntil;
            holdUntil = null;
            if (goodStreak >= config.upCount()) {
                upTransitions.addLast(at);
                setWorking(at, "flap hold-down ended after " + seconds(lastHold) + " with " + goodStreak
                        + " good rounds");
            } else {
                set(at, ProviderHealth.DOWN, "flap hold-down ended; waiting for " + config.upCount()
                        + " good rounds");
            }
            return;
        }
        if (goodStreak >= config.upCount()) {
            comeUp(at);
        }
    }

    private void comeUp(Instant at) {
        HealthCheck.Damping damping = config.damping();
        if (damping != null && damping.enabled()) {
            Instant windowStart = at.minus(damping.flapWindow());
            while (!upTransitions.isEmpty() && upTransitions.peekFirst().isBefore(windowStart)) {
                upTransitions.removeFirst();
            }
            int flaps = upTransitions.size() + 1;
            if (flaps >= damping.maxFlaps()) {
                holdDown(at, damping, flaps);
                return;
            }
            upTransitions.addLast(at);
        }
        setWorking(at, goodStreak + " consecutive good rounds");
    }

    private void holdDown(Instant at, HealthCheck.Damping damping, int flaps) {
        boolean repeated = lastHold != null && lastHoldEnd != null
                && !at.isAfter(lastHoldEnd.plus(damping.flapWindow()));
        Duration hold = repeated ? lastHold.multipliedBy(2) : damping.holdTime();
        if (hold.compareTo(damping.maxHoldTime()) > 0) {
            hold = damping.maxHoldTime();
        }
        lastHold = hold;
        holdUntil = at.plus(hold);
        upTransitions.clear();
        set(at, ProviderHealth.DOWN, "flap damping: " + flaps + " transitions to up within "
                + seconds(damping.flapWindow()) + "; held down for " + seconds(hold));
    }

    /** UP or DEGRADED after the window's statistics; {@code upReason} explains a return to UP. */
    private void setWorking(Instant at, String upReason) {
        String degraded = degradedReason();
        if (degraded != null) {
            set(at, ProviderHealth.DEGRADED, degraded);
        } else if (upReason != null) {
            set(at, ProviderHealth.UP, upReason);
        } else if (badStreak > 0) {
            set(at, ProviderHealth.UP, badStreak + " consecutive failed rounds; down at " + config.downCount());
        } else {
            set(at, ProviderHealth.UP, "health checks pass");
        }
    }

    private String degradedReason() {
        HealthCheck.Degraded degraded = config.degraded();
        if (degraded == null || window.probesSent() == 0) {
            return null;
        }
        Duration latency = degraded.latencyThreshold();
        if (latency != null && window.lossPercent().compareTo(HUNDRED) < 0
                && window.rttAverageMicros() > latency.toNanos() / 1000) {
            return "average RTT " + millis(window.rttAverageMicros()) + " ms above threshold "
                    + millis(latency.toNanos() / 1000) + " ms";
        }
        BigDecimal loss = degraded.lossThresholdPercent();
        if (loss != null && window.lossPercent().compareTo(loss) > 0) {
            return "loss " + window.lossPercent().toPlainString() + " % above threshold " + loss.toPlainString()
                    + " %";
        }
        return null;
    }

    private void set(Instant at, ProviderHealth health, String reason) {
        Instant since = health == verdict.health() ? verdict.since() : at;
        verdict = new Verdict(health, reason, since);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String millis(long micros) {
        return BigDecimal.valueOf(micros, 3).stripTrailingZeros().toPlainString();
    }
}
