package net.multihome.daemon.counters;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.multihome.core.time.Scheduler;
import net.multihome.netlink.NetlinkHandle;
import net.multihome.netlink.model.Link;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the interfaces every {@code period} and hands them, with their 64-bit counters, to
 * {@code publish} (the reconcile loop's inbox), so SNMP, NETCONF and metrics report counters at
 * most one period old without waiting for a pass. The reads run on a scheduler thread of the
 * refresher's own, through a netlink socket of its own, so a slow dump delays only the next read.
 */
public final class CounterRefresher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CounterRefresher.class);

    private final Supplier<List<Link>> read;
    private final Consumer<List<Link>> publish;
    private final Scheduler scheduler;
    private final AutoCloseable resources;
    private final Scheduler.Timer timer;
    /** Scheduler thread only: whether the last read failed, so a failing kernel logs once. */
    private boolean failing;

    CounterRefresher(Supplier<List<Link>> read, Consumer<List<Link>> publish, Scheduler scheduler, Duration period,
            AutoCloseable resources) {
        this.read = read;
        this.publish = publish;
        this.scheduler = scheduler;
        this.resources = resources;
        this.timer = scheduler.every(period, period, this::refresh);
    }

    /** Starts reading the process's own namespace every {@code period}. */
    public static CounterRefresher start(Duration period, Consumer<List<Link>> publish) {
        NetlinkHandle netlink = NetlinkHandle.open();
        return new CounterRefresher(netlink::links, publish, Scheduler.system("link-counters"), period, netlink);
    }

    private void refresh() {
        List<Link> links;
        try {
            links = read.get();
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("reading the interface counters failed, trying again each period: {}", e.toString());
            }
            failing = true;
            return;
        }
        if (failing) {
            LOG.info("reading the interface counters works again");
            failing = false;
        }
        publish.accept(links);
    }

    @Override
    public void close() {
        timer.cancel();
        scheduler.close();
        try {
            resources.close();
        } catch (Exception e) {
            LOG.warn("closing the counters' netlink socket: {}", e.toString());
        }
    }
}
