package net.multihome.snmp.testing;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import net.multihome.core.pair.VrrpSource;
import net.multihome.core.pair.VrrpState;
import net.multihome.core.pair.VrrpStatus;

/** A VRRP source a test sets, telling the subscribers on the test's thread as the daemon's watcher does on its own. */
public final class FakeVrrp implements VrrpSource {

    private final List<Consumer<VrrpStatus>> subscribers = new CopyOnWriteArrayList<>();
    private volatile VrrpStatus current = VrrpStatus.UNKNOWN;

    @Override
    public VrrpStatus current() {
        return current;
    }

    @Override
    public AutoCloseable subscribe(Consumer<VrrpStatus> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Sets the state and tells the subscribers, as a change the watcher saw. */
    public void set(VrrpState state, Instant since) {
        current = new VrrpStatus(state, since);
        subscribers.forEach(s -> s.accept(current));
    }
}
