package net.multihome.core.health;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IcmpEchoTest {

    private static final byte[] PAYLOAD = {1, 2, 3};

    @Test
    void checksumMatchesTheRfc1071Example() {
        byte[] data = {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7};
        assertEquals(0x220d, IcmpEcho.checksum(data));
    }

    @Test
    void ipv4RequestCarriesIdSequenceAndAValidChecksum() {
        byte[] p = IcmpEcho.request(false, 0x1234, 0xabcd, PAYLOAD);
        assertArrayEquals(new byte[] {8, 0}, Arrays.copyOf(p, 2));
        assertArrayEquals(new byte[] {0x12, 0x34, (byte) 0xab, (byte) 0xcd, 1, 2, 3}, Arrays.copyOfRange(p, 4, 11));
        assertEquals(0, IcmpEcho.checksum(p), "a packet with its checksum sums to zero");
    }

    @Test
    void ipv6RequestLeavesTheChecksumToTheKernel() {
        byte[] p = IcmpEcho.request(true, 1, 2, PAYLOAD);
        assertEquals(128, p[0] & 0xff);
        assertEquals(0, p[2]);
        assertEquals(0, p[3]);
    }

    private static byte[] reply(int type, int id, int seq) {
        return new byte[] {(byte) type, 0, 0, 0, (byte) (id >> 8), (byte) id, (byte) (seq >> 8), (byte) seq};
    }

    @Test
    void matchesItsReplyOnly() {
        assertTrue(IcmpEcho.isReply(reply(0, 7, 9), 8, false, false, 7, 9));
        assertFalse(IcmpEcho.isReply(reply(0, 8, 9), 8, false, false, 7, 9), "other identifier");
        assertFalse(IcmpEcho.isReply(reply(0, 7, 10), 8, false, false, 7, 9), "other sequence");
        assertFalse(IcmpEcho.isReply(reply(8, 7, 9), 8, false, false, 7, 9), "a request");
        assertTrue(IcmpEcho.isReply(reply(0, 1234, 9), 8, false, false, -1, 9), "ping socket: kernel matched id");
        assertTrue(IcmpEcho.isReply(reply(129, 7, 9), 8, true, false, 7, 9));
        assertFalse(IcmpEcho.isReply(reply(129, 7, 9), 7, true, false, 7, 9), "truncated");
    }

    @Test
    void recognisesAnIpv4ErrorAboutItsRequest() {
        byte[] packet = new byte[20 + 8 + 20 + 8];
        packet[0] = 0x45;
        packet[20] = 3;
        packet[21] = 1;
        packet[28] = 0x45;
        System.arraycopy(IcmpEcho.request(false, 7, 9, new byte[0]), 0, packet, 48, 8);
        assertEquals("destination unreachable, code 1", IcmpEcho.error(packet, packet.length, false, true, 7, 9));
        assertNull(IcmpEcho.error(packet, packet.length, false, true, 7, 10), "about another request");
        assertNull(IcmpEcho.error(packet, 50, false, true, 7, 9), "quote cut short");
        assertNull(IcmpEcho.error(reply(0, 7, 9), 8, false, false, 7, 9), "a reply is no error");
    }

    @Test
    void recognisesAnIpv6ErrorAboutItsRequest() {
        byte[] packet = new byte[8 + 40 + 8];
        packet[0] = 3;
        System.arraycopy(IcmpEcho.request(true, 7, 9, new byte[0]), 0, packet, 48, 8);
        assertEquals("time exceeded, code 0", IcmpEcho.error(packet, packet.length, true, false, 7, 9));
    }

    @Test
    void skipsTheIpHeaderOfARawIpv4Socket() {
        byte[] packet = new byte[28];
        packet[0] = 0x45;
        System.arraycopy(reply(0, 7, 9), 0, packet, 20, 8);
        assertTrue(IcmpEcho.isReply(packet, 28, false, true, 7, 9));
    }
}
