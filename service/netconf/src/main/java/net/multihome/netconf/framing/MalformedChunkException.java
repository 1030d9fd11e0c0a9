package net.multihome.netconf.framing;

/** A chunk header is not {@code \n#<digits>\n} or an end-of-chunks marker is not {@code \n##\n}. */
public final class MalformedChunkException extends FramingException {
    public MalformedChunkException(String message) {
        super(message);
    }
}
