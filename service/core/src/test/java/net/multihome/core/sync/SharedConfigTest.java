package net.multihome.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.ConfigReader;
import net.multihome.core.config.Examples;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.yang.YangSchema;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

class SharedConfigTest {
    private static final YangSchema SCHEMA = YangSchema.load();
    private static final NodeLocalMarks MARKS = NodeLocalMarks.of(SCHEMA);
    private final SharedConfig shared = new SharedConfig(MARKS);

    private static ContainerNode parse(String xml) throws Exception {
        return new ConfigLoader(SCHEMA).parseData(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static ContainerNode routerA() throws Exception {
        return parse(Examples.text("lab-pair-a.xml"));
    }

    private static ContainerNode routerB() throws Exception {
        return parse(Examples.text("lab-pair-b.xml"));
    }

    @Test
    void theModelMarksEachRoutersOwnNodes() {
        assertTrue(MARKS.paths().containsAll(Set.of("/provider/ipv4/address", "/provider/ipv6/address",
                "/redundancy/address", "/redundancy/peer-address", "/redundancy/vrrp/priority",
                "/management/netconf/listen")), MARKS.paths().toString());
        assertFalse(MARKS.paths().contains("/provider/ipv4/gateway"));
    }

    @Test
    void theLabsRoutersDifferOnlyInNodeLocalNodes() throws Exception {
        ContainerNode a = routerA();
        ContainerNode b = routerB();
        assertFalse(a.equals(b));
        assertTrue(shared.equalShared(a, b));
    }

    @Test
    void aMergeKeepsTheReceiversOwnNodes() throws Exception {
        ContainerNode b = routerB();
        assertEquals(b, shared.merge(routerA(), b));
        assertEquals(routerA(), shared.merge(routerA(), routerA()));
    }

    @Test
    void aMergeTakesTheSharedChange() throws Exception {
        ContainerNode a2 = parse(Examples.text("lab-pair-a.xml").replace("<table>101</table>",
                "<table>101</table><weight>7</weight>"));
        ContainerNode b = routerB();
        ContainerNode merged = shared.merge(a2, b);
        assertTrue(shared.equalShared(a2, merged));
        assertEquals(ConfigReader.read(b).pair().orElseThrow().vrrp().priority(),
                ConfigReader.read(merged).pair().orElseThrow().vrrp().priority());
        assertEquals(7, ConfigReader.read(merged).provider("isp1").orElseThrow().weight());
        assertEquals("203.0.113.3",
                ConfigReader.read(merged).provider("isp1").orElseThrow().ipv4().address().getHostAddress());
    }

    @Test
    void aProviderOnlyThePushHasGetsNoAddressFromTheReceiverWhoseValidationRefusesIt() throws Exception {
        ContainerNode a = routerA();
        ContainerNode bWithoutIsp2 = parse(Examples.text("lab-pair-b.xml")
                .replaceAll("(?s)<provider>\\s*<name>isp2</name>.*?</provider>", "")
                .replaceAll("(?s)<uplink-address>\\s*<provider>isp2</provider>.*?</uplink-address>", ""));
        ContainerNode merged = shared.merge(a, bWithoutIsp2);
        assertTrue(shared.equalShared(a, merged));
        InvalidConfigException refused = assertThrows(InvalidConfigException.class, () -> ConfigReader.read(merged));
        assertTrue(refused.getMessage().contains("provider[mh:name='isp2']/mh:ipv4"), refused.getMessage());
    }

    @Test
    void theEpochIsReadAndSet() throws Exception {
        ContainerNode a = routerA();
        assertEquals(0, SharedConfig.epoch(a));
        ContainerNode a7 = SharedConfig.withEpoch(a, 7);
        assertEquals(7, SharedConfig.epoch(a7));
        assertEquals(7, ConfigReader.read(a7).pair().orElseThrow().configSync().epoch());
        assertFalse(shared.sharedChange(a, a7));
        assertTrue(shared.sharedChange(a, parse(Examples.text("lab-pair-a.xml").replace("<table>101</table>",
                "<table>101</table><weight>7</weight>"))));
        assertNull(SharedConfig.withEpoch(null, 3));
    }

    @Test
    void aRollbackToAnOlderEpochRunsOneAboveTheEpochItReplaces() throws Exception {
        ContainerNode old = SharedConfig.withEpoch(routerA(), 4);
        ContainerNode committed = SharedConfig.withEpoch(parse(Examples.text("lab-pair-a.xml").replace(
                "<table>101</table>", "<table>101</table><weight>7</weight>")), 5);
        assertEquals(6, SharedConfig.epoch(shared.withNextEpoch(committed, old)));
        assertTrue(shared.equalShared(SharedConfig.withEpoch(old, 6), shared.withNextEpoch(committed, old)));
    }

    @Test
    void aChangeOfNodeLocalNodesOnlyKeepsTheEpoch() throws Exception {
        ContainerNode a = SharedConfig.withEpoch(routerA(), 5);
        ContainerNode priority = SharedConfig.withEpoch(parse(Examples.text("lab-pair-a.xml")
                .replace("<priority>150</priority>", "<priority>120</priority>")), 2);
        assertEquals(5, SharedConfig.epoch(shared.withNextEpoch(a, priority)));
    }
}
