package net.multihome.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import net.multihome.core.yang.YangSchema;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.SystemMapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

class EntryCacheTest {
    private static final ConfigLoader LOADER = new ConfigLoader(YangSchema.load());
    private static final NodeIdentifier POLICY = new NodeIdentifier(YangSchema.qname("policy"));

    @Test
    void unchangedEntriesAreTakenFromTheLastReadAndChangedOnesReadAgain() throws Exception {
        ContainerNode first = parse(policies(50, 1));
        EntryCache cache = new EntryCache();
        MultihomeConfig before = ConfigReader.read(first, cache);
        assertEquals(58, cache.size(), "2 providers with their ipv4 and health-check containers, 50 policies, balancing and the local network");

        ContainerNode next = withPolicyOf(first, parse(policies(50, 1000)), "p7");
        MultihomeConfig after = ConfigReader.read(next, cache);

        assertEquals(ConfigReader.read(next), after, "the same as read without the cache");
        assertSame(before.providers().get(0), after.providers().get(0));
        assertSame(before.balancing(), after.balancing());
        assertSame(policy(before, "p8"), policy(after, "p8"));
        assertNotSame(policy(before, "p7"), policy(after, "p7"));
        assertEquals(8, policy(before, "p7").priority());
        assertEquals(1007, policy(after, "p7").priority());
    }

    @Test
    void aProviderWhoseWeightChangedKeepsItsAddressesAndHealthCheck() throws Exception {
        ContainerNode first = parse(Examples.text("lab.xml"));
        EntryCache cache = new EntryCache();
        MultihomeConfig before = ConfigReader.read(first, cache);
        NodeIdentifier provider = new NodeIdentifier(YangSchema.qname("provider"));
        SystemMapNode providers = (SystemMapNode) first.childByArg(provider);
        MapEntryNode isp1 = providers.body().stream()
                .filter(e -> e.name().getValue(YangSchema.qname("name")).equals("isp1")).findFirst().orElseThrow();
        MapEntryNode weighted = ImmutableNodes.builderFactory().newMapEntryBuilder(isp1)
                .withChild(ImmutableNodes.leafNode(YangSchema.qname("weight"), Uint16.valueOf(9)))
                .build();
        ContainerNode next = ImmutableNodes.builderFactory().newContainerBuilder(first)
                .withChild(ImmutableNodes.builderFactory().newSystemMapBuilder(providers).withChild(weighted).build())
                .build();
        MultihomeConfig after = ConfigReader.read(next, cache);
        assertEquals(ConfigReader.read(next), after, "the same as read without the cache");
        assertEquals(9, after.provider("isp1").orElseThrow().weight());
        assertNotSame(before.provider("isp1").orElseThrow(), after.provider("isp1").orElseThrow());
        Provider was = before.provider("isp1").orElseThrow();
        Provider now = after.provider("isp1").orElseThrow();
        assertSame(was.healthCheck(), now.healthCheck());
        assertSame(was.ipv4(), now.ipv4());
        assertSame(was.ipv6(), now.ipv6());
    }

    @Test
    void anUnchangedManagementContainerIsReadOnce() throws Exception {
        ContainerNode content = parse(Examples.seedManagement());
        EntryCache cache = new EntryCache();
        MultihomeConfig first = ConfigReader.read(content, cache);
        MultihomeConfig second = ConfigReader.read(content, cache);
        assertSame(first.management(), second.management());
        assertEquals(ConfigReader.read(content).management(), second.management());
    }

    @Test
    void aReadKeepsOnlyTheEntriesOfItsConfiguration() throws Exception {
        EntryCache cache = new EntryCache();
        ConfigReader.read(parse(policies(50, 1)), cache);
        ConfigReader.read(parse(policies(3, 1)), cache);
        assertEquals(11, cache.size(), "2 providers with their ipv4 and health-check containers, 3 policies, balancing and the local network");
    }

    @Test
    void anEntryWithAViolationIsNotKeptAndIsReportedEveryTime() throws Exception {
        String bad = policies(2, 1).replace("<match><destination-prefix>10.0.1.0/24",
                "<match><destination-prefix>10.0.1.1/24");
        ContainerNode content = parse(bad);
        EntryCache cache = new EntryCache();
        InvalidConfigException first = assertThrows(InvalidConfigException.class, () -> ConfigReader.read(content, cache));
        InvalidConfigException second = assertThrows(InvalidConfigException.class, () -> ConfigReader.read(content, cache));
        assertEquals(first.errors(), second.errors());
        assertEquals(5, cache.size(), "2 providers, the valid policy, balancing and the local network");
    }

    private static Policy policy(MultihomeConfig config, String name) {
        return config.policies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** {@code base} with its policy {@code name} taken from {@code other}: the rest stays the same objects. */
    private static ContainerNode withPolicyOf(ContainerNode base, ContainerNode other, String name) {
        SystemMapNode policies = (SystemMapNode) base.childByArg(POLICY);
        SystemMapNode changed = (SystemMapNode) other.childByArg(POLICY);
        MapEntryNode entry = changed.body().stream()
                .filter(e -> e.name().getValue(YangSchema.qname("name")).equals(name)).findFirst().orElseThrow();
        return ImmutableNodes.builderFactory().newContainerBuilder(base)
                .withChild(ImmutableNodes.builderFactory().newSystemMapBuilder(policies).withChild(entry).build())
                .build();
    }

    /** The seed providers with {@code count} policies, priorities from {@code first}. */
    private static String policies(int count, int first) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append("<policy><name>p").append(i).append("</name><priority>").append(i + first)
                    .append("</priority><match><destination-prefix>10.0.").append(i)
                    .append(".0/24</destination-prefix></match><provider>isp1</provider></policy>");
        }
        return Examples.seedProviders().replace("</multihome>", out + "</multihome>");
    }

    private static ContainerNode parse(String xml) throws Exception {
        return LOADER.parseData(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
