package net.multihome.netlink.socket;

import java.util.Map;
import java.util.Set;

/** Linux errno numbers (x86-64 and arm64 share them) with their symbolic names and texts. */
public final class Errno {

    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int EMSGSIZE = 90;
    public static final int ENETDOWN = 100;
    public static final int ENETUNREACH = 101;
    public static final int ENOBUFS = 105;

    private record Entry(String name, String text) {
    }

    private static final Map<Integer, Entry> ENTRIES = Map.ofEntries(
            Map.entry(1, new Entry("EPERM", "Operation not permitted")),
            Map.entry(2, new Entry("ENOENT", "No such file or directory")),
            Map.entry(3, new Entry("ESRCH", "No such process")),
            Map.entry(4, new Entry("EINTR", "Interrupted system call")),
            Map.entry(5, new Entry("EIO", "Input/output error")),
            Map.entry(6, new Entry("ENXIO", "No such device or address")),
            Map.entry(9, new Entry("EBADF", "Bad file descriptor")),
            Map.entry(11, new Entry("EAGAIN", "Resource temporarily unavailable")),
            Map.entry(12, new Entry("ENOMEM", "Cannot allocate memory")),
            Map.entry(13, new Entry("EACCES", "Permission denied")),
            Map.entry(14, new Entry("EFAULT", "Bad address")),
            Map.entry(16, new Entry("EBUSY", "Device or resource busy")),
            Map.entry(17, new Entry("EEXIST", "File exists")),
            Map.entry(19, new Entry("ENODEV", "No such device")),
            Map.entry(22, new Entry("EINVAL", "Invalid argument")),
            Map.entry(24, new Entry("EMFILE", "Too many open files")),
            Map.entry(28, new Entry("ENOSPC", "No space left on device")),
            Map.entry(34, new Entry("ERANGE", "Numerical result out of range")),
            Map.entry(38, new Entry("ENOSYS", "Function not implemented")),
            Map.entry(88, new Entry("ENOTSOCK", "Socket operation on non-socket")),
            Map.entry(90, new Entry("EMSGSIZE", "Message too long")),
            Map.entry(92, new Entry("ENOPROTOOPT", "Protocol not available")),
            Map.entry(93, new Entry("EPROTONOSUPPORT", "Protocol not supported")),
            Map.entry(95, new Entry("EOPNOTSUPP", "Operation not supported")),
            Map.entry(97, new Entry("EAFNOSUPPORT", "Address family not supported by protocol")),
            Map.entry(98, new Entry("EADDRINUSE", "Address already in use")),
            Map.entry(99, new Entry("EADDRNOTAVAIL", "Cannot assign requested address")),
            Map.entry(100, new Entry("ENETDOWN", "Network is down")),
            Map.entry(101, new Entry("ENETUNREACH", "Network is unreachable")),
            Map.entry(105, new Entry("ENOBUFS", "No buffer space available")),
            Map.entry(110, new Entry("ETIMEDOUT", "Connection timed out")),
            Map.entry(113, new Entry("EHOSTUNREACH", "No route to host")));

    /**
     * Errnos that say "not now" rather than "not this": the same request may pass on a retry.
     * ENETDOWN is a link that went down between the dump a pass planned on and its changes: the
     * next pass sees the link as it is.
     */
    private static final Set<Integer> TRANSIENT = Set.of(EINTR, EAGAIN, ENOMEM, EBUSY, ENOBUFS, ENETDOWN);

    private Errno() {
    }

    /**
     * Whether {@code errno} reports a passing condition (a full queue, a busy object, memory
     * pressure, an interrupted call, a link that just went down) rather than a request the kernel will refuse again
     * ({@code EINVAL}, {@code EEXIST}, {@code ENODEV}, ...).
     */
    public static boolean isTransient(int errno) {
        return TRANSIENT.contains(errno);
    }

    /** {@code "EINVAL"} for 22, {@code "E<n>"} for numbers not in the table. */
    public static String name(int errno) {
        Entry e = ENTRIES.get(errno);
        return e == null ? "E" + errno : e.name();
    }

    /** What {@code strerror} says, or {@code "errno <n>"}. */
    public static String text(int errno) {
        Entry e = ENTRIES.get(errno);
        return e == null ? "errno " + errno : e.text();
    }
}
