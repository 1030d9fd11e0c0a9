package net.multihome.netconf.framing;

import java.io.IOException;

/** The byte stream breaks RFC 6242 framing or a framing limit; the session must be closed. */
public sealed class FramingException extends IOException
        permits MessageTooLargeException, ChunkSizeException, MalformedChunkException {
    FramingException(String message) {
        super(message);
    }
}
