package net.multihome.netlink;

import java.util.Optional;
import net.multihome.netlink.socket.Errno;

/** What the kernel did with one {@link Change}: applied it, or refused it with an errno. */
public sealed interface ApplyResult {

    ApplyResult APPLIED = new Applied();

    default boolean applied() {
        return this instanceof Applied;
    }

    record Applied() implements ApplyResult {
    }

    /**
     * The kernel's refusal.
     *
     * @param errno positive errno, e.g. 22 for {@code EINVAL}
     * @param extendedAck the kernel's explanation ({@code NLMSGERR_ATTR_MSG}), when it gave one
     */
    record Failed(int errno, Optional<String> extendedAck) implements ApplyResult {

        public Failed {
            if (errno <= 0) {
                throw new IllegalArgumentException("a refusal needs a positive errno, not " + errno);
            }
        }

        /** Symbolic errno, e.g. {@code "EEXIST"}. */
        public String errnoName() {
            return Errno.name(errno);
        }

        /** Whether the same request may succeed unchanged a moment later. */
        public boolean retryable() {
            return Errno.isTransient(errno);
        }

        /** {@code "EINVAL: Nexthop id does not exist"}: the errno name and the kernel's text, or strerror's. */
        public String message() {
            return errnoName() + ": " + extendedAck.orElse(Errno.text(errno));
        }
    }
}
