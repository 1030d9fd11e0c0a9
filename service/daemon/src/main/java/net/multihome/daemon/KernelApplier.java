package net.multihome.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.reconcile.PassError;
import net.multihome.core.reconcile.PassResult;
import net.multihome.core.store.ApplyOutcome;
import net.multihome.core.store.RunningConfigApplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a configuration the store commits (over NETCONF, by a reload) into the kernel: hands it
 * to the reconcile loop and waits, holding no lock, for the pass that used it. When the kernel
 * refuses any change the loop has already reconciled the previous configuration back; the
 * kernel's words go to the client, so running and the kernel never disagree. A refusal that is
 * only transient (every errno says "not now", e.g. {@code EBUSY}, or {@code ENETDOWN} from a link
 * that went down during the pass) is tried again, twice at most, before the client hears of it:
 * each try is a new pass on the kernel as it is then, so a flapping link rarely refuses a commit.
 */
final class KernelApplier implements RunningConfigApplier {

    private static final Logger LOG = LoggerFactory.getLogger(KernelApplier.class);
    private static final Duration PASS_TIMEOUT = Duration.ofSeconds(30);
    private static final int TRANSIENT_RETRIES = 2;

    private final Function<MultihomeConfig, CompletableFuture<PassResult>> reconcile;
    private final Consumer<MultihomeConfig> onApplied;

    /**
     * @param reconcile queues a configuration with the reconcile loop ({@code ReconcileLoop::apply})
     * @param onApplied told of every configuration the kernel accepted (health checks, SNMP settings)
     */
    KernelApplier(Function<MultihomeConfig, CompletableFuture<PassResult>> reconcile,
            Consumer<MultihomeConfig> onApplied) {
        this.reconcile = reconcile;
        this.onApplied = onApplied;
    }

    @Override
    public ApplyOutcome apply(MultihomeConfig next) {
        PassResult result = pass(next);
        for (int retry = 0; retry < TRANSIENT_RETRIES && result.onlyTransientErrors(); retry++) {
            LOG.info("commit refused only for the moment, trying again: {}", result.summary());
            result = pass(next);
        }
        List<String> problems = problems(result);
        if (problems.isEmpty()) {
            onApplied.accept(next);
            return ApplyOutcome.ok();
        }
        return ApplyOutcome.refused(problems);
    }

    private PassResult pass(MultihomeConfig config) {
        try {
            return reconcile.apply(config).get(PASS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the kernel was being reconciled", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reconcile pass failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the kernel was not reconciled within " + PASS_TIMEOUT.toSeconds() + " s", e);
        }
    }

    /** Each refusal as the change in {@code ip} syntax with the errno and the kernel's words. */
    private static List<String> problems(PassResult result) {
        List<String> out = new ArrayList<>(result.errors().stream().map(PassError::message).toList());
        out.addAll(result.conflicts());
        return out;
    }
}
