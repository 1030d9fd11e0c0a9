package net.multihome.snmp.mib;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UnsignedInteger32;
import net.multihome.netlink.model.IpAddresses;

/** Conversions from status values to SMI values, clamped to the SMI ranges. */
final class Values {

    private static final long MAX_UNSIGNED32 = 0xFFFF_FFFFL;

    private Values() {
    }

    static OctetString text(String text) {
        return new OctetString(text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8));
    }

    /** The textual form of an address ({@code 192.0.2.1}, {@code 2001:db8::1}), empty for null. */
    static OctetString address(InetAddress address) {
        if (address == null) {
            return text("");
        }
        return text(IpAddresses.format(address));
    }

    static UnsignedInteger32 unsigned(long value) {
        return new UnsignedInteger32(clamp(value));
    }

    static Gauge32 gauge(long value) {
        return new Gauge32(clamp(value));
    }

    /** A Counter32 wraps: it is the low 32 bits of the 64-bit count. */
    static Counter32 counter32(long value) {
        return new Counter32(value & MAX_UNSIGNED32);
    }

    static Counter64 counter64(long value) {
        return new Counter64(value);
    }

    /** A percentage as hundredths of a percent, 0..10000. */
    static UnsignedInteger32 hundredths(BigDecimal percent) {
        if (percent == null) {
            return new UnsignedInteger32(0);
        }
        long value = percent.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue();
        return new UnsignedInteger32(Math.max(0, Math.min(10_000, value)));
    }

    /** A TimeStamp: sysUpTime at {@code at}, 0 for a moment not after the agent started (or none). */
    static TimeTicks timeStamp(Instant at, Instant agentStarted) {
        if (at == null || !at.isAfter(agentStarted)) {
            return new TimeTicks(0);
        }
        return new TimeTicks(Duration.between(agentStarted, at).toMillis() / 10 & MAX_UNSIGNED32);
    }

    private static long clamp(long value) {
        return Math.max(0, Math.min(MAX_UNSIGNED32, value));
    }
}
