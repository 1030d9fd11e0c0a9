package net.multihome.netconf.framing;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a message followed by {@code ]]>]]>} (RFC 6242 section 4.3). */
public final class EndOfMessageEncoder implements FrameEncoder {
    @Override
    public void encode(byte[] message, OutputStream out) throws IOException {
        out.write(message);
        out.write(EndOfMessageDecoder.DELIMITER);
        out.flush();
    }
}
