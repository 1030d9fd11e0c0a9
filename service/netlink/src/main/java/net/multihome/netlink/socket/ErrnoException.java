package net.multihome.netlink.socket;

/** A libc call on the socket failed; carries the {@code errno} it left. */
public final class ErrnoException extends RuntimeException {

    private final int errno;

    public ErrnoException(String call, int errno) {
        super(call + ": " + Errno.name(errno) + ": " + Errno.text(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
