package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.plan.DesiredState;
import net.multihome.core.plan.KernelView;
import net.multihome.core.reconcile.PassError;
import net.multihome.core.reconcile.PassResult;
import net.multihome.core.store.ApplyOutcome;
import net.multihome.netlink.ApplyResult;
import net.multihome.netlink.Change;
import net.multihome.netlink.socket.Errno;
import org.junit.jupiter.api.Test;

/** What a NETCONF client hears of a commit, from the passes the reconcile loop answers with. */
class KernelApplierTest {

    private static final String COMMAND = "ip nexthop del id 7";

    private final Deque<PassResult> answers = new ArrayDeque<>();
    private final List<MultihomeConfig> queued = new ArrayList<>();
    private final List<MultihomeConfig> accepted = new ArrayList<>();
    private final KernelApplier applier = new KernelApplier(config -> {
        queued.add(config);
        return CompletableFuture.completedFuture(answers.removeFirst());
    }, accepted::add);

    @Test
    void refusalReachesTheClientAsTheChangeInIpSyntaxWithTheKernelsWords() {
        answers.add(pass(refused(Errno.EINVAL, "Nexthop id does not exist")));
        ApplyOutcome outcome = applier.apply(MultihomeConfig.empty());
        assertEquals(List.of(COMMAND + ": EINVAL: Nexthop id does not exist"), outcome.errors());
        assertEquals(1, queued.size(), "a refusal of the request itself is not retried");
        assertEquals(List.of(), accepted);
    }

    @Test
    void transientRefusalIsTriedAgainAndThenAccepted() {
        answers.add(pass(refused(Errno.EBUSY, null)));
        answers.add(pass());
        assertTrue(applier.apply(MultihomeConfig.empty()).isOk());
        assertEquals(2, queued.size());
        assertEquals(List.of(MultihomeConfig.empty()), accepted);
    }

    @Test
    void transientRefusalThatPersistsIsReportedAsTransient() {
        answers.add(pass(refused(Errno.ENOBUFS, null)));
        answers.add(pass(refused(Errno.ENOBUFS, null)));
        answers.add(pass(refused(Errno.ENOBUFS, null)));
        ApplyOutcome outcome = applier.apply(MultihomeConfig.empty());
        assertEquals(List.of(COMMAND + ": ENOBUFS: No buffer space available (transient)"), outcome.errors());
        assertEquals(3, queued.size(), "two retries, no more");
    }

    @Test
    void aLinkThatWentDownDuringThePassIsTriedAgainOnTheKernelAsItIsThen() {
        answers.add(pass(refused(Errno.ENETDOWN, "Nexthop device is not up")));
        answers.add(pass(refused(Errno.ENETDOWN, "Nexthop device is not up")));
        answers.add(pass());
        assertTrue(applier.apply(MultihomeConfig.empty()).isOk());
        assertEquals(3, queued.size());
    }

    private static PassError refused(int errno, String extendedAck) {
        return new PassError.Refused(new Change.DeleteNexthop(7), COMMAND,
                new ApplyResult.Failed(errno, Optional.ofNullable(extendedAck)));
    }

    private static PassResult pass(PassError... errors) {
        DesiredState nothing = new DesiredState(List.of(), List.of(), List.of(), Map.of(), Map.of(), List.of());
        return new PassResult(nothing, new KernelView(Map.of()), 0, List.of(errors), List.of(), Duration.ZERO,
                List.of(), List.of(), List.of());
    }
}
