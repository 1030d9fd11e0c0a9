package net.multihome.netlink;

import java.util.Optional;
import net.multihome.netlink.socket.Errno;

/**
 * The kernel refused a request, or the socket failed. The message is {@code "EINVAL: Invalid
 * nexthop id"}: the errno name and the kernel's extended-ack text (or strerror text without one).
 */
public class NetlinkException extends RuntimeException {

    private final int errno;
    private final String extendedAck;
    private final String request;

    public NetlinkException(int errno, String extendedAck, String request) {
        super(Errno.name(errno) + ": " + (extendedAck != null ? extendedAck : Errno.text(errno)));
        this.errno = errno;
        this.extendedAck = extendedAck;
        this.request = request;
    }

    /** Positive errno, e.g. 17 for {@code EEXIST}. */
    public int errno() {
        return errno;
    }

    /** Symbolic errno, e.g. {@code "EEXIST"}. */
    public String errnoName() {
        return Errno.name(errno);
    }

    /** The kernel's explanation ({@code NLMSGERR_ATTR_MSG}), when it gave one. */
    public Optional<String> extendedAck() {
        return Optional.ofNullable(extendedAck);
    }

    /** What was asked, e.g. {@code "route add Route[...]"}; for logs. */
    public String request() {
        return request;
    }
}
