package net.multihome.netlink;

import java.util.Optional;

/**
 * The kernel refused a request, or the socket failed. The message is {@code "EINVAL: Invalid
 * nexthop id"}: the errno name and the kernel's extended-ack text (or strerror text without one).
 */
public class NetlinkException extends RuntimeException {

    private final ApplyResult.Failed failure;
    private final String request;

    public NetlinkException(int errno, String extendedAck, String request) {
        this(new ApplyResult.Failed(errno, Optional.ofNullable(extendedAck)), request);
    }

    public NetlinkException(ApplyResult.Failed failure, String request) {
        super(failure.message());
        this.failure = failure;
        this.request = request;
    }

    /** The errno and extended ack as a value. */
    public ApplyResult.Failed failure() {
        return failure;
    }

    /** Positive errno, e.g. 17 for {@code EEXIST}. */
    public int errno() {
        return failure.errno();
    }

    /** Symbolic errno, e.g. {@code "EEXIST"}. */
    public String errnoName() {
        return failure.errnoName();
    }

    /** The kernel's explanation ({@code NLMSGERR_ATTR_MSG}), when it gave one. */
    public Optional<String> extendedAck() {
        return failure.extendedAck();
    }

    /** Whether the same request may succeed unchanged a moment later. */
    public boolean retryable() {
        return failure.retryable();
    }

    /** What was asked, e.g. {@code "route add Route[...]"}; for logs. */
    public String request() {
        return request;
    }
}
