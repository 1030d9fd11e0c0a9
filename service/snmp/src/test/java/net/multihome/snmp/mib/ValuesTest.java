package net.multihome.snmp.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import net.multihome.snmp.testing.FakeStatus;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void ipv6IsWrittenTheRfc5952Way() {
        assertEquals("2001:db8::10", text("2001:db8:0:0:0:0:0:10"));
        assertEquals("::1", text("::1"));
        assertEquals("::", text("::"));
        assertEquals("2001:db8:0:1:1:1:1:1", text("2001:db8:0:1:1:1:1:1"));
        assertEquals("2001:0:0:1::1", text("2001:0:0:1:0:0:0:1"));
        assertEquals("fe80::", text("fe80::"));
        assertEquals("192.0.2.1", text("192.0.2.1"));
    }

    @Test
    void countersWrapAndPercentagesBecomeHundredths() {
        assertEquals(1L, Values.counter32((1L << 32) + 1).getValue());
        assertEquals(1234L, Values.hundredths(new BigDecimal("12.34")).getValue());
        assertEquals(10_000L, Values.hundredths(new BigDecimal("150")).getValue());
        assertEquals(0xFFFF_FFFFL, Values.gauge(Long.MAX_VALUE).getValue());
    }

    private static String text(String literal) {
        return Values.address(FakeStatus.ip(literal)).toString();
    }
}
