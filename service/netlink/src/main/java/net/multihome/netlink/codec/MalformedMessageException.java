package net.multihome.netlink.codec;

/** The kernel sent bytes that do not parse as the message they claim to be. */
public final class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message) {
        super(message);
    }
}
