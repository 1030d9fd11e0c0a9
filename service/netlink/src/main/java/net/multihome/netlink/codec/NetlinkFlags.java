package net.multihome.netlink.codec;

/** {@code nlmsg_flags} bits and the generic message types of {@code linux/netlink.h}. */
public final class NetlinkFlags {

    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLMSG_OVERRUN = 4;

    public static final int REQUEST = 0x1;
    public static final int MULTI = 0x2;
    public static final int ACK = 0x4;
    public static final int DUMP_INTR = 0x10;
    public static final int DUMP = 0x300;
    public static final int REPLACE = 0x100;
    public static final int EXCL = 0x200;
    public static final int CREATE = 0x400;
    /** On {@code NLMSG_ERROR}: the echoed request was cut to its header. */
    public static final int CAPPED = 0x100;
    /** On {@code NLMSG_ERROR}: extended-ack attributes follow. */
    public static final int ACK_TLVS = 0x200;

    /** Flags of a request that creates an object and fails if it exists ({@code ip ... add}). */
    public static final int NEW_EXCLUSIVE = REQUEST | CREATE | EXCL;
    /** Flags of a request that creates or overwrites ({@code ip ... replace}). */
    public static final int NEW_REPLACE = REQUEST | CREATE | REPLACE;

    private NetlinkFlags() {
    }
}
