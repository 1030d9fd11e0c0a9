/**
 * RFC 6242 message framing, independent of any transport: decoders that cut a byte stream
 * into messages (end-of-message {@code ]]>]]>} and chunked {@code \n#size\n...\n##\n}) and
 * encoders that do the reverse. Decoders consume exactly one message at a time so that the
 * session can switch from end-of-message to chunked framing in the middle of one read.
 */
package net.multihome.netconf.framing;
