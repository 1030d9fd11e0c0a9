package net.multihome.netconf.framing;

import java.nio.ByteBuffer;

/**
 * Cuts a byte stream into NETCONF messages. A decoder is stateful and used by one reader.
 */
public sealed interface FrameDecoder permits EndOfMessageDecoder, ChunkedDecoder {
    /**
     * Consumes bytes from {@code in} up to the end of the current message and no further.
     *
     * @return the whole message once its end is consumed, else {@code null} with {@code in} drained
     * @throws FramingException if the bytes break the framing or a limit; the decoder is then unusable
     */
    byte[] decode(ByteBuffer in) throws FramingException;
}
