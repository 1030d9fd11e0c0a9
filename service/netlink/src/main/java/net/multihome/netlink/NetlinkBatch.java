package net.multihome.netlink;

import java.util.ArrayList;
import java.util.List;

/**
 * Changes collected for one {@link #execute()}: they go to the kernel in as few
 * {@code send()} calls as fit the socket's buffer, and every change gets its own result, so
 * an error maps back to the change (by index, in the order added) that caused it. A failed
 * change does not stop the ones after it. Not thread-safe; execute once.
 */
public final class NetlinkBatch {

    private final NetlinkHandle handle;
    private final List<Change> changes = new ArrayList<>();
    private boolean executed;

    NetlinkBatch(NetlinkHandle handle) {
        this.handle = handle;
    }

    /** Adds a change; returns this batch. */
    public NetlinkBatch add(Change change) {
        if (executed) {
            throw new IllegalStateException("batch already executed");
        }
        changes.add(change);
        return this;
    }

    /** Changes added so far. */
    public int size() {
        return changes.size();
    }

    /**
     * Sends every change and waits for the kernel to have processed all of them.
     *
     * @throws NetlinkException when the socket fails (per-change refusals are in the result instead)
     */
    public BatchResult execute() {
        if (executed) {
            throw new IllegalStateException("batch already executed");
        }
        executed = true;
        return new BatchResult(changes, handle.executeAll(changes.stream().map(Requests::of).toList()));
    }
}
