package net.multihome.core.health;

import java.util.Map;
import net.multihome.netlink.socket.Errno;
import net.multihome.netlink.socket.Libc;

/** A libc call of a probe failed; carries the {@code errno} and reads as "connect: ENETUNREACH: ...". */
final class SocketCallException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Probe errors the shared {@link Errno} table does not name. */
    private static final Map<Integer, String> MORE = Map.of(
            Libc.ECONNREFUSED, "ECONNREFUSED: Connection refused",
            112, "EHOSTDOWN: Host is down",
            Libc.EINPROGRESS, "EINPROGRESS: Operation now in progress");

    private final int errno;

    SocketCallException(String call, int errno) {
        super(call + ": " + describe(errno));
        this.errno = errno;
    }

    int errno() {
        return errno;
    }

    static String describe(int errno) {
        String more = MORE.get(errno);
        return more != null ? more : Errno.name(errno) + ": " + Errno.text(errno);
    }
}
