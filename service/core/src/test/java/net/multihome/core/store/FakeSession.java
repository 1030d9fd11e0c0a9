package net.multihome.core.store;

import java.util.ArrayList;
import java.util.List;

/** A client session the test ends when it wants. */
final class FakeSession implements ClientSession {
    private final long id;
    private final List<Runnable> hooks = new ArrayList<>();
    private boolean ended;

    FakeSession(long id) {
        this.id = id;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public synchronized void onEnd(Runnable hook) {
        if (ended) {
            hook.run();
        } else {
            hooks.add(hook);
        }
    }

    void end() {
        List<Runnable> run;
        synchronized (this) {
            ended = true;
            run = List.copyOf(hooks);
            hooks.clear();
        }
        run.forEach(Runnable::run);
    }
}
