package net.multihome.daemon;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.health.HealthMonitor;
import net.multihome.core.reconcile.PassResult;
import net.multihome.core.reconcile.ReconcileLoop;
import net.multihome.core.status.StatusTracker;
import net.multihome.netlink.model.Link;

/**
 * What the reconcile loop's owner thread does besides passes: the health monitor follows the
 * configuration and the links each pass saw, and the status snapshot is published after each
 * pass, each health update and each read of the interfaces' counters. Every call here hands
 * over or publishes; none waits.
 */
record OwnerDuties(HealthMonitor health, StatusTracker status, CountDownLatch firstPass)
        implements ReconcileLoop.Listener {

    @Override
    public void configuring(MultihomeConfig next) {
        health.apply(next.providers());
    }

    @Override
    public void passed(MultihomeConfig used, PassResult result) {
        status.record(used, result, health.snapshot());
        firstPass.countDown();
        result.links().forEach(link -> health.linkChanged(link.name(), usable(link), linkState(link)));
    }

    @Override
    public void healthRefreshed() {
        status.refresh(health.snapshot());
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
