package net.multihome.netlink.codec;

/**
 * An {@code NLMSG_ERROR}: an acknowledgement when {@code errno} is 0, a refusal otherwise.
 *
 * @param errno positive errno, 0 for an ACK
 * @param requestSeq sequence number of the request it answers
 * @param extAckMessage {@code NLMSGERR_ATTR_MSG}, the kernel's explanation, or null
 * @param extAckOffset {@code NLMSGERR_ATTR_OFFS}, offset of the offending attribute in the request, or -1
 */
public record ErrorMessage(int errno, int requestSeq, String extAckMessage, int extAckOffset) {

    private static final int NLMSGERR_ATTR_MSG = 1;
    private static final int NLMSGERR_ATTR_OFFS = 2;
    private static final int HEADER = 16;

    public boolean isAck() {
        return errno == 0;
    }

    /** Decodes {@code struct nlmsgerr} and the extended-ack attributes after it. */
    public static ErrorMessage decode(NetlinkMessage m) {
        var b = m.body();
        if (b.limit() < 4 + HEADER) {
            throw new MalformedMessageException("NLMSG_ERROR of " + b.limit() + " bytes");
        }
        int errno = -b.getInt(0);
        int requestSeq = b.getInt(4 + 8);
        int echoed = m.has(NetlinkFlags.CAPPED) ? HEADER : b.getInt(4);
        String text = null;
        int offset = -1;
        int tlvStart = 4 + ((echoed + 3) & ~3);
        if (m.has(NetlinkFlags.ACK_TLVS) && tlvStart <= b.limit()) {
            Attributes a = Attributes.parse(b, tlvStart);
            text = a.string(NLMSGERR_ATTR_MSG);
            offset = (int) a.u32(NLMSGERR_ATTR_OFFS, -1);
        }
        return new ErrorMessage(errno, requestSeq, text, offset);
    }

    /**
     * Decodes the status of an {@code NLMSG_DONE} that ends a dump: an int error, then
     * extended-ack attributes (e.g. "ipv4: FIB table does not exist").
     */
    public static ErrorMessage decodeDone(NetlinkMessage m) {
        var b = m.body();
        int errno = b.limit() >= 4 ? -b.getInt(0) : 0;
        String text = null;
        if (m.has(NetlinkFlags.ACK_TLVS) && b.limit() > 4) {
            text = Attributes.parse(b, 4).string(NLMSGERR_ATTR_MSG);
        }
        return new ErrorMessage(errno, m.seq(), text, -1);
    }
}
