package net.multihome.daemon;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.health.HealthMonitor;
import net.multihome.core.reconcile.PassResult;
import net.multihome.core.reconcile.ReconcileLoop;
import net.multihome.core.status.StatusTracker;
import net.multihome.daemon.pair.PairFileWriter;
import net.multihome.netlink.model.Link;

/**
 * What the reconcile loop's owner thread does besides passes: the health monitor follows the
 * configuration and the links each pass saw, and the status snapshot is published after each
 * pass, each health update and each read of the interfaces' counters; a redundant pair's files
 * follow the configuration and the providers' states. Every call here hands over, publishes or
 * writes a small file of the runtime directory; none waits for another component.
 */
record OwnerDuties(HealthMonitor health, StatusTracker status, CountDownLatch firstPass, PairFileWriter pair)
        implements ReconcileLoop.Listener {

    @Override
    public void configuring(MultihomeConfig next) {
        health.apply(next.providers());
        pair.configure(next);
    }

    @Override
    public void passed(MultihomeConfig used, PassResult result) {
        status.record(used, result, health.snapshot());
        pair.providers(used, status.snapshot().providers());
        firstPass.countDown();
        result.links().forEach(link -> health.linkChanged(link.name(), usable(link), linkState(link)));
    }

    @Override
    public void healthRefreshed() {
        status.refresh(health.snapshot());
        pair.providers(status.snapshot().config(), status.snapshot().providers());
    }

    @Override
    public void linksRead(List<Link> links) {
        status.linksRead(links, health.snapshot());
    }

    static boolean usable(Link link) {
        return link.adminUp() && link.carrier();
    }

    static String linkState(Link link) {
        return !link.adminUp() ? "interface " + link.name() + " is administratively down"
                : link.carrier() ? "interface " + link.name() + " is up"
                : "interface " + link.name() + " has no carrier";
    }
}
