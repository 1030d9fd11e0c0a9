package net.multihome.netconf.framing;

/** A message grew beyond the decoder's maximum message size. */
public final class MessageTooLargeException extends FramingException {
    public MessageTooLargeException(long size, long limit) {
        super("message of at least " + size + " bytes exceeds the limit of " + limit);
    }
}
