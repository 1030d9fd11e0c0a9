package net.multihome.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import net.multihome.core.config.HealthCheck;
import net.multihome.testing.NamespaceThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real probes in namespaces created here; needs root, skipped otherwise. */
@Tag("netns")
class SocketProberNetnsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final SocketProber prober = new SocketProber();
    private UplinkLab lab;

    @BeforeEach
    void createLab() throws Exception {
        lab = UplinkLab.create();
    }

    @AfterEach
    void deleteLab() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    private ProbeResult probe(HealthCheck.Target target, ProbeBinding binding) throws Exception {
        return NamespaceThreads.call(lab.router, () -> prober.probe(target, binding, TIMEOUT));
    }

    @Test
    void icmpEchoIsAnsweredOverARawSocket() throws Exception {
        ProbeResult r = probe(HealthChecks.icmp("10.201.0.2"), UplinkLab.uplink1());
        assertTrue(r.answered(), r.toString());
        assertTrue(r.rttMicros() > 0 && r.rttMicros() < TIMEOUT.toNanos() / 1000, r.toString());
    }

    @Test
    void icmpEchoIsAnsweredOverAPingSocketWhenTheGroupRangeAllowsIt() throws Exception {
        lab.router.exec("sysctl", "-q", "-w", "net.ipv4.ping_group_range=0 0");
        ProbeResult r = probe(HealthChecks.icmp("10.201.0.2"), UplinkLab.uplink1());
        assertTrue(r.answered(), r.toString());
    }

    @Test
    void icmpv6EchoIsAnswered() throws Exception {
        ProbeResult r = probe(HealthChecks.icmp("fd01::2"), UplinkLab.uplink1());
        assertTrue(r.answered(), r.toString());
    }

    @Test
    void icmpToASilentAddressTimesOut() throws Exception {
        long start = System.nanoTime();
        ProbeResult r = probe(HealthChecks.icmp("10.201.0.99"), UplinkLab.uplink1());
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertFalse(r.answered(), r.toString());
        assertEquals("no answer within 300 ms", r.error());
        assertTrue(tookMillis >= 300 && tookMillis < 1_000, "took " + tookMillis + " ms");
    }

    @Test
    void tcpRefusedCountsAsAnswer() throws Exception {
        ProbeResult r = probe(HealthChecks.tcp("10.201.0.2", 9), UplinkLab.uplink1());
        assertTrue(r.answered(), r.toString());
    }

    @Test
    void tcpOverIpv6RefusedCountsAsAnswer() throws Exception {
        ProbeResult r = probe(HealthChecks.tcp("fd01::2", 9), UplinkLab.uplink1());
        assertTrue(r.answered(), r.toString());
    }

    @Test
    void tcpAcceptedIsAnswered() throws Exception {
        try (ServerSocket server = NamespaceThreads.call(lab.provider1,
                () -> new ServerSocket(0, 50, UplinkLab.address("10.201.0.2")))) {
            ProbeResult r = probe(HealthChecks.tcp("10.201.0.2", server.getLocalPort()), UplinkLab.uplink1());
            assertTrue(r.answered(), r.toString());
        }
    }

    @Test
    void tcpToABlackholedAddressTimesOut() throws Exception {
        lab.router.ip("route", "add", "10.209.0.0/24", "via", "10.201.0.2", "dev", "up1");
        ProbeResult r = probe(HealthChecks.tcp("10.209.0.1", 80), UplinkLab.uplink1());
        assertFalse(r.answered(), r.toString());
        assertEquals("no answer within 300 ms", r.error());
    }

    @Test
    void anIcmpErrorFromARouterIsReported() throws Exception {
        lab.provider1.exec("sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        lab.provider1.ip("route", "add", "unreachable", "10.209.0.0/24");
        lab.router.ip("route", "add", "10.209.0.0/24", "via", "10.201.0.2", "dev", "up1");
        ProbeResult r = probe(HealthChecks.icmp("10.209.0.1"), UplinkLab.uplink1());
        assertFalse(r.answered(), r.toString());
        assertEquals("destination unreachable, code 1 from 10.201.0.2", r.error());
    }

    @Test
    void aProbeBoundToADownInterfaceDoesNotLeaveThroughAnother() throws Exception {
        HealthCheck.Target target = HealthChecks.icmp("10.201.0.2");
        long before = lab.echoRequestsAtProvider2();
        assertTrue(probe(target, UplinkLab.uplink2()).answered(), "provider2 answers for 10.201.0.2 via up2");
        assertEquals(before + 1, lab.echoRequestsAtProvider2());

        lab.router.ip("link", "set", "up1", "down");
        ProbeResult r = probe(target, UplinkLab.uplink1());

        assertFalse(r.answered(), r.toString());
        assertNotNull(r.error());
        assertEquals(before + 1, lab.echoRequestsAtProvider2(), "nothing reached provider2");
    }

    @Test
    void aTcpProbeBoundToOneUplinkIsNotAnsweredThroughTheOther() throws Exception {
        lab.router.ip("link", "set", "up1", "down");
        ProbeResult r = probe(HealthChecks.tcp("10.201.0.2", 9), UplinkLab.uplink1());
        assertFalse(r.answered(), r.toString());
        assertTrue(probe(HealthChecks.tcp("10.201.0.2", 9), UplinkLab.uplink2()).answered());
    }
}
