package net.multihome.netlink;

import net.multihome.netlink.socket.Errno;

/**
 * A dump came back flagged {@code NLM_F_DUMP_INTR}: the objects changed while the kernel was
 * dumping them, so the result may be inconsistent. Dump again.
 */
public final class DumpInterruptedException extends NetlinkException {

    public DumpInterruptedException(String request) {
        super(Errno.EINTR, "dump interrupted by a concurrent change, dump again", request);
    }
}
