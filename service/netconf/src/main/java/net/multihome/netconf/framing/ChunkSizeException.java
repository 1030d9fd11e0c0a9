package net.multihome.netconf.framing;

/** A chunk header announces a size of 0, above 4294967295, or above the decoder's maximum chunk size. */
public final class ChunkSizeException extends FramingException {
    public ChunkSizeException(String message) {
        super(message);
    }
}
