package net.multihome.core.status;

import java.time.Duration;

/**
 * Reconcile passes since start, for monitoring.
 *
 * @param passes passes run
 * @param unconverged passes that left something undone (refused changes or conflicts)
 * @param errors changes the kernel refused, over all passes
 * @param totalTime time spent in passes
 * @param lastTime how long the last pass took
 */
public record ReconcileCounters(long passes, long unconverged, long errors, Duration totalTime, Duration lastTime) {

    public static final ReconcileCounters NONE = new ReconcileCounters(0, 0, 0, Duration.ZERO, Duration.ZERO);

    ReconcileCounters plus(boolean converged, int refused, Duration took) {
        return new ReconcileCounters(passes + 1, unconverged + (converged ? 0 : 1), errors + refused,
                totalTime.plus(took), took);
    }
}
