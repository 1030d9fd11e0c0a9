package net.multihome.core.reconcile;

import net.multihome.netlink.ApplyResult;
import net.multihome.netlink.Change;
import net.multihome.netlink.socket.Errno;

/** Something a reconcile pass could not put in place; such a pass has not converged. */
public sealed interface PassError {

    /** In words, for logs, status and a refused NETCONF commit. */
    String message();

    /** Whether the same pass may succeed a moment later with nothing else changed. */
    boolean retryable();

    /**
     * The kernel refused a change.
     *
     * @param command the change in {@code ip} syntax, with interface and table names
     * @param failure the errno and the kernel's extended-ack text
     */
    record Refused(Change change, String command, ApplyResult.Failed failure) implements PassError {

        /** {@code "ip route add ... table T2: EINVAL: Nexthop id does not exist"}. */
        @Override
        public String message() {
            return command + ": " + failure.message() + (retryable() ? " (transient)" : "");
        }

        @Override
        public boolean retryable() {
            return failure.retryable() || sourceNoLongerUsable();
        }

        /**
         * The route's source address was usable when the pass read the kernel and is not now: a
         * link that flapped meanwhile sent the IPv6 address back to duplicate address detection.
         * The planner never picks a tentative source, so the next pass plans without it.
         */
        private boolean sourceNoLongerUsable() {
            return failure.errno() == Errno.EINVAL
                    && failure.extendedAck().filter("Invalid source address"::equals).isPresent();
        }
    }

    /**
     * A hash-policy sysctl or the table names file could not be read or written.
     *
     * @param what what was being done, e.g. {@code "sysctl net.ipv4.fib_multipath_hash_policy = 1"}
     */
    record SettingFailed(String what, String reason) implements PassError {

        @Override
        public String message() {
            return what + ": " + reason;
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }
}
