package net.multihome.netconf.framing;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one NETCONF message with its framing. Callers serialise access to the stream. */
public sealed interface FrameEncoder permits EndOfMessageEncoder, ChunkedEncoder {
    void encode(byte[] message, OutputStream out) throws IOException;
}
