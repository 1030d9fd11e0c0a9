package net.multihome.core.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.Examples;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.config.Redundancy;
import net.multihome.core.yang.YangSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The redundancy section read and validated, and the keepalived and conntrackd files rendered from it. */
class PairConfigTest {

    private static final ConfigLoader LOADER = new ConfigLoader(YangSchema.load());
    private static final PairFiles FILES = new PairFiles(Path.of("/run/multihome"),
            Path.of("/usr/lib/multihome/vrrp-notify"));
    private static final String REDUNDANCY = "/mh:multihome/mh:redundancy";

    private static MultihomeConfig load(String xml) throws Exception {
        return LOADER.load(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static MultihomeConfig routerA() throws Exception {
        return load(Examples.text("lab-pair-a.xml"));
    }

    @Test
    void theLabsRouterAIsReadAsWritten() throws Exception {
        Redundancy pair = routerA().pair().orElseThrow();
        assertEquals("sync0", pair.syncInterface());
        assertEquals("198.18.0.1", pair.address().getHostAddress());
        assertEquals("198.18.0.2", pair.peerAddress().getHostAddress());
        assertEquals(51, pair.vrrp().virtualRouterId());
        assertEquals(150, pair.vrrp().priority());
        assertEquals(Duration.ofSeconds(1), pair.vrrp().advertInterval());
        assertEquals("10.0.0.1/24", pair.vrrp().virtualAddress().toString());
        assertEquals("203.0.113.74/26", pair.vrrp().uplinkAddress("isp2").orElseThrow().address().toString());
        assertEquals(Redundancy.FAULT_WEIGHT, pair.allProvidersDownWeight());
        assertEquals("eth0", routerA().pairLanInterface().orElseThrow());
    }

    @Test
    void aRouterWithoutTheSectionIsNoPair() throws Exception {
        assertTrue(load(Examples.seedProviders()).pair().isEmpty());
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("missing peer", "<peer-address>198.18.0.2</peer-address>", "",
                        REDUNDANCY + "/mh:peer-address", "'peer-address' is required"),
                Arguments.of("peer is self", "<peer-address>198.18.0.2</peer-address>",
                        "<peer-address>198.18.0.1</peer-address>", REDUNDANCY + "/mh:peer-address",
                        "is this router's own address"),
                Arguments.of("missing router id", "<virtual-router-id>51</virtual-router-id>", "",
                        REDUNDANCY + "/mh:vrrp/mh:virtual-router-id", "'virtual-router-id' is required"),
                Arguments.of("virtual address off the LAN", "<virtual-address>10.0.0.1/24</virtual-address>",
                        "<virtual-address>10.9.0.1/24</virtual-address>", REDUNDANCY + "/mh:vrrp/mh:virtual-address",
                        "lies in no local network"),
                Arguments.of("virtual address without length", "<virtual-address>10.0.0.1/24</virtual-address>",
                        "<virtual-address>10.0.0.1/33</virtual-address>", REDUNDANCY + "/mh:vrrp/mh:virtual-address",
                        "not an IPv4 address with a prefix length"),
                Arguments.of("sync link is the LAN", "<sync-interface>sync0</sync-interface>",
                        "<sync-interface>eth0</sync-interface>", REDUNDANCY + "/mh:sync-interface",
                        "is a local network's interface"),
                Arguments.of("uplink address of no provider", "<provider>isp2</provider>\n          <address>203.0.113.74/26",
                        "<provider>isp9</provider>\n          <address>203.0.113.74/26",
                        REDUNDANCY + "/mh:vrrp/mh:uplink-address[mh:provider='isp9']/mh:provider", "no provider isp9"),
                Arguments.of("uplink address off the network", "<address>203.0.113.74/26</address>",
                        "<address>203.0.113.10/26</address>",
                        REDUNDANCY + "/mh:vrrp/mh:uplink-address[mh:provider='isp2']/mh:address",
                        "is not on provider isp2's network 203.0.113.64/26"),
                Arguments.of("provider not translated to its virtual address",
                        "<mode>snat</mode>\n        <address>203.0.113.74</address>", "<mode>masquerade</mode>",
                        REDUNDANCY + "/mh:vrrp/mh:uplink-address[mh:provider='isp2']/mh:address",
                        "provider isp2 translates to its own address (masquerade), not to its virtual address"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeIsRefusedNamingTheField(String name, String from, String to, String path, String message) {
        String xml = Examples.text("lab-pair-a.xml");
        assertTrue(xml.contains(from), name);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> load(xml.replace(from, to)));
        assertTrue(e.errors().stream().anyMatch(error -> error.path().equals(path) && error.message().contains(message)),
                () -> "expected " + path + ": ..." + message + "... among " + e.errors());
    }

    @Test
    void keepalivedRunsOneInstanceOverTheSyncLinkHoldingTheVirtualAddresses() throws Exception {
        String conf = KeepalivedConf.render(routerA(), FILES);
        for (String line : List.of("interface sync0\n    dont_track_primary", "virtual_router_id 51", "priority 150", "advert_int 1\n",
                "version 3", "nopreempt", "unicast_src_ip 198.18.0.1", "unicast_peer {\n        198.18.0.2\n",
                "10.0.0.1/24 dev eth0", "203.0.113.10/26 dev if1", "203.0.113.74/26 dev if2",
                "track_interface {\n        eth0\n", "file \"/run/multihome/vrrp-track\"", "weight 1",
                "notify \"/usr/lib/multihome/vrrp-notify /run/multihome/vrrp-state /run/multihome/conntrackd.conf\"")) {
            assertTrue(conf.contains(line), () -> "keepalived.conf lacks '" + line + "':\n" + conf);
        }
    }

    @Test
    void preemptDropsNopreemptAndAShortIntervalIsInSeconds() throws Exception {
        String xml = Examples.text("lab-pair-a.xml").replace("<preempt>false</preempt>", "<preempt>true</preempt>")
                .replace("<advert-interval>1000</advert-interval>", "<advert-interval>250</advert-interval>");
        String conf = KeepalivedConf.render(load(xml), FILES);
        assertTrue(!conf.contains("nopreempt") && conf.contains("advert_int 0.25\n"), conf);
    }

    @Test
    void conntrackdSyncsReliablyOverTheSyncLinkAndIgnoresTheRoutersOwnAddresses() throws Exception {
        String conf = ConntrackdConf.render(routerA(), FILES);
        for (String line : List.of("Mode FTFW", "DisableExternalCache On", "IPv4_address 198.18.0.1",
                "IPv4_Destination_Address 198.18.0.2", "Interface sync0", "TCPWindowTracking Off",
                "Path /run/multihome/conntrackd.ctl", "LockFile /run/multihome/conntrackd.lock",
                "IPv4_address 127.0.0.1", "IPv4_address 10.0.0.1\n", "IPv4_address 203.0.113.10\n",
                "IPv4_address 203.0.113.2\n", "IPv4_address 203.0.113.66\n")) {
            assertTrue(conf.contains(line), () -> "conntrackd.conf lacks '" + line + "':\n" + conf);
        }
    }

    @Test
    void theStateFileNamesKeepalivedsStates() {
        assertEquals(VrrpState.MASTER, VrrpState.parse("MASTER\n"));
        assertEquals(VrrpState.BACKUP, VrrpState.parse("BACKUP"));
        assertEquals(VrrpState.FAULT, VrrpState.parse(" FAULT \n"));
        assertEquals(VrrpState.UNKNOWN, VrrpState.parse("STOP\n"));
        assertEquals(VrrpState.UNKNOWN, VrrpState.parse(""));
    }
}
