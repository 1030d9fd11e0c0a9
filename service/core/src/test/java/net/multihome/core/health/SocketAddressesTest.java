package net.multihome.core.health;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SocketAddressesTest {

    @Test
    void sockaddrInHasHostOrderFamilyAndNetworkOrderPort() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = SocketAddresses.encode(arena, UplinkLab.address("192.0.2.1"), 443);
            byte[] bytes = sa.toArray(ValueLayout.JAVA_BYTE);
            assertEquals(16, bytes.length);
            assertArrayEquals(new byte[] {2, 0, 0x01, (byte) 0xbb, (byte) 192, 0, 2, 1}, Arrays.copyOf(bytes, 8));
            assertEquals(UplinkLab.address("192.0.2.1"), SocketAddresses.decode(sa));
        }
    }

    @Test
    void sockaddrIn6RoundTrips() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = SocketAddresses.encode(arena, UplinkLab.address("2001:db8::1"), 80);
            assertEquals(28, sa.byteSize());
            assertEquals(10, sa.get(ValueLayout.JAVA_BYTE, 0));
            assertEquals(UplinkLab.address("2001:db8::1"), SocketAddresses.decode(sa));
        }
    }
}
