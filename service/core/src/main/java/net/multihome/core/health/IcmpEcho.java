package net.multihome.core.health;

import java.nio.ByteBuffer;

/**
 * ICMP and ICMPv6 echo messages: building requests, recognising the matching reply, and
 * recognising an error a router sent back about the request. Pure.
 *
 * <p>The checksum is filled in for ICMPv4 (a raw socket sends what it is given); for ICMPv6 the
 * kernel computes it, since it covers the IPv6 pseudo-header.
 */
final class IcmpEcho {

    static final int ECHO_REPLY_V4 = 0;
    static final int ECHO_REQUEST_V4 = 8;
    static final int ECHO_REQUEST_V6 = 128;
    static final int ECHO_REPLY_V6 = 129;
    static final int UNREACHABLE_V4 = 3;
    static final int TIME_EXCEEDED_V4 = 11;
    static final int UNREACHABLE_V6 = 1;
    static final int TIME_EXCEEDED_V6 = 3;
    private static final int HEADER = 8;
    private static final int IPV6_HEADER = 40;

    private IcmpEcho() {
    }

    static byte[] request(boolean ipv6, int id, int sequence, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
        b.put((byte) (ipv6 ? ECHO_REQUEST_V6 : ECHO_REQUEST_V4)).put((byte) 0).putShort((short) 0)
                .putShort((short) id).putShort((short) sequence).put(payload);
        byte[] packet = b.array();
        if (!ipv6) {
            int sum = checksum(packet);
            packet[2] = (byte) (sum >> 8);
            packet[3] = (byte) sum;
        }
        return packet;
    }

    /**
     * Whether {@code packet} is the echo reply to our request.
     *
     * @param withIpHeader an IPv4 raw socket delivers the IP header in front
     * @param id the identifier to match, or -1 when the kernel matched it already (ping socket)
     */
    static boolean isReply(byte[] packet, int length, boolean ipv6, boolean withIpHeader, int id, int sequence) {
        int offset = withIpHeader && length > 0 ? (packet[0] & 0x0f) * 4 : 0;
        if (length - offset < HEADER) {
            return false;
        }
        int type = packet[offset] & 0xff;
        int gotId = ((packet[offset + 4] & 0xff) << 8) | (packet[offset + 5] & 0xff);
        int gotSequence = ((packet[offset + 6] & 0xff) << 8) | (packet[offset + 7] & 0xff);
        return type == (ipv6 ? ECHO_REPLY_V6 : ECHO_REPLY_V4) && (id < 0 || gotId == id)
                && gotSequence == (sequence & 0xffff);
    }

    /**
     * What an ICMP error about our request says ("destination unreachable, code 1"), or null
     * when {@code packet} is no error about it. The error quotes the request after the
     * offending packet's IP header.
     */
    static String error(byte[] packet, int length, boolean ipv6, boolean withIpHeader, int id, int sequence) {
        int offset = withIpHeader && length > 0 ? (packet[0] & 0x0f) * 4 : 0;
        if (length - offset < HEADER) {
            return null;
        }
        int type = packet[offset] & 0xff;
        int code = packet[offset + 1] & 0xff;
        String what = ipv6 ? (type == UNREACHABLE_V6 ? "destination unreachable" : type == TIME_EXCEEDED_V6
                ? "time exceeded" : null)
                : (type == UNREACHABLE_V4 ? "destination unreachable" : type == TIME_EXCEEDED_V4 ? "time exceeded"
                        : null);
        if (what == null) {
            return null;
        }
        int quoted = offset + HEADER;
        if (length - quoted < 1) {
            return null;
        }
        int quotedHeader = ipv6 ? IPV6_HEADER : (packet[quoted] & 0x0f) * 4;
        int request = quoted + quotedHeader;
        if (length - request < HEADER) {
            return null;
        }
        int requestType = packet[request] & 0xff;
        boolean ours = requestType == (ipv6 ? ECHO_REQUEST_V6 : ECHO_REQUEST_V4)
                && (id < 0 || u16(packet, request + 4) == id) && u16(packet, request + 6) == (sequence & 0xffff);
        return ours ? what + ", code " + code : null;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    /** The Internet checksum (RFC 1071) of {@code data}. */
    static int checksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i + 1 < data.length; i += 2) {
            sum += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        }
        if (data.length % 2 == 1) {
            sum += (data[data.length - 1] & 0xff) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
