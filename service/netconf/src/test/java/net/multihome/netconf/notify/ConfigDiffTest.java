package net.multihome.netconf.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.datastore.ConfigCodec;
import net.multihome.netconf.datastore.SchemaTree;
import net.multihome.netconf.xml.SecureXmlParser;
import net.multihome.netconf.xml.XmlDocuments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.SystemMapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.w3c.dom.Element;

/**
 * The diff walked on the data against the diff of the whole XML renderings it replaces: random
 * changes that keep the untouched nodes as the same objects, as an edit does, and versions
 * parsed apart must give the same changes in the same order.
 */
class ConfigDiffTest {
    private static final List<String> LISTS = List.of("provider", "policy", "local-network", "port-forward");
    private static final List<String> CONTAINERS = List.of("balancing", "management");
    private static ConfigCodec codec;
    private static ConfigDiff diff;
    private static String lab;

    @BeforeAll
    static void schema() throws Exception {
        YangSchema schema = YangSchema.load();
        codec = new ConfigCodec(schema);
        diff = new ConfigDiff(new SchemaTree(schema), codec);
        lab = Files.readString(Path.of(System.getProperty("user.dir"))
                .resolve("../../packaging/examples/lab.xml").normalize());
    }

    @Test
    void aWeightChangeIsOneReplace() throws Exception {
        ContainerNode before = config(20, 1, "5");
        ContainerNode after = withEntry(before, "provider", entry(config(20, 1, "9"), "provider", "isp1"));
        List<ConfigDiff.Change> changes = diff.diff(before, after);
        assertEquals(List.of(new ConfigDiff.Change("/mh:multihome/mh:provider[mh:name='isp1']/mh:weight", "replace")),
                changes);
        assertEquals(whole(before, after), changes);
        MapEntryNode isp1 = entry(before, "provider", "isp1");
        ContainerNode edited = withEntry(before, "provider", ImmutableNodes.builderFactory().newMapEntryBuilder(isp1)
                .withChild(ImmutableNodes.leafNode(YangSchema.qname("weight"), Uint16.valueOf(9))).build());
        assertEquals(changes, diff.diff(before, edited));
    }

    @Test
    void aLeafAddedOrRemovedInAContainerBothHoldIsNamedItself() throws Exception {
        ContainerNode before = config(2, 1, "5");
        ContainerNode balancing = (ContainerNode) before.childByArg(id("balancing"));
        ContainerNode withoutMode = ImmutableNodes.builderFactory().newContainerBuilder(balancing)
                .withoutChild(id("mode")).build();
        ContainerNode after = ImmutableNodes.builderFactory().newContainerBuilder(before).withChild(withoutMode).build();
        List<ConfigDiff.Change> removed = diff.diff(before, after);
        assertEquals(List.of(new ConfigDiff.Change("/mh:multihome/mh:balancing/mh:mode", "delete")), removed);
        assertEquals(whole(before, after), removed);
        List<ConfigDiff.Change> added = diff.diff(after, before);
        assertEquals(List.of(new ConfigDiff.Change("/mh:multihome/mh:balancing/mh:mode", "create")), added);
        assertEquals(whole(after, before), added);
    }

    @Test
    void randomChangesGiveWhatTheWholeDiffGives() throws Exception {
        ContainerNode other = config(30, 100, "7");
        int changes = 0;
        for (long seed = 1; seed <= 30; seed++) {
            Random random = new Random(seed);
            ContainerNode content = config(20, 1, "5");
            for (int i = 0; i < 20; i++) {
                ContainerNode next = mutate(content, other, random);
                List<ConfigDiff.Change> expected = whole(content, next);
                assertEquals(expected, diff.diff(content, next), "seed " + seed + ", change " + i);
                changes += expected.size();
                content = next;
            }
        }
        assertTrue(changes > 500, changes + " changes");
    }

    @Test
    void aCaseChosenInsteadOfAnotherAndLeafListValuesAreNamedAsInXml() throws Exception {
        ContainerNode before = parse(lab.replace("<management>", "<policy><name>p0</name><priority>1</priority>"
                + "<match><destination-prefix>10.0.0.0/24</destination-prefix></match><balanced/></policy><management>"));
        ContainerNode after = parse(lab.replace("<management>", "<policy><name>p0</name><priority>1</priority>"
                + "<match><destination-prefix>10.0.0.0/24</destination-prefix></match><provider>isp2</provider>"
                + "</policy><management>").replace("<user-name>noc</user-name>", "<user-name>ops</user-name>"));
        List<ConfigDiff.Change> changes = diff.diff(before, after);
        assertEquals(whole(before, after), changes);
        assertTrue(changes.contains(new ConfigDiff.Change("/mh:multihome/mh:policy[mh:name='p0']/mh:balanced", "delete")),
                changes.toString());
        assertTrue(changes.contains(new ConfigDiff.Change("/mh:multihome/mh:policy[mh:name='p0']/mh:provider", "create")),
                changes.toString());
        assertTrue(changes.stream().anyMatch(c -> c.path().endsWith("/mh:user-name[.='ops']")
                && c.operation().equals("create")), changes.toString());
        assertEquals(whole(after, before), diff.diff(after, before));
    }

    @Test
    void anEmptySideIsAllCreatedOrAllDeleted() throws Exception {
        ContainerNode content = config(3, 1, "5");
        assertEquals(whole(null, content), diff.diff(null, content));
        assertEquals(whole(content, null), diff.diff(content, null));
        assertEquals(List.of(), diff.diff(content, content));
    }

    /** One random change: entries of a list taken from {@code other}, added or removed, or a container swapped or dropped. */
    private static ContainerNode mutate(ContainerNode content, ContainerNode other, Random random) {
        if (random.nextInt(5) == 0) {
            NodeIdentifier id = id(CONTAINERS.get(random.nextInt(CONTAINERS.size())));
            DataContainerChild replacement = other.childByArg(id);
            if (random.nextBoolean() || replacement == null) {
                return ImmutableNodes.builderFactory().newContainerBuilder(content).withoutChild(id).build();
            }
            return ImmutableNodes.builderFactory().newContainerBuilder(content).withChild(replacement).build();
        }
        String list = LISTS.get(random.nextInt(LISTS.size()));
        MapNode from = (MapNode) other.childByArg(id(list));
        MapNode now = (MapNode) content.childByArg(id(list));
        var entries = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id(list));
        if (now != null) {
            now.body().forEach(entries::withChild);
        }
        for (int n = random.nextInt(3); n >= 0; n--) {
            if (now != null && !now.isEmpty() && random.nextInt(3) == 0) {
                List<MapEntryNode> present = new ArrayList<>(now.body());
                entries.withoutChild(present.get(random.nextInt(present.size())).name());
            } else if (from != null) {
                List<MapEntryNode> candidates = new ArrayList<>(from.body());
                entries.withChild(candidates.get(random.nextInt(candidates.size())));
            }
        }
        MapNode built = entries.build();
        var next = ImmutableNodes.builderFactory().newContainerBuilder(content);
        return (built.isEmpty() ? next.withoutChild(id(list)) : next.withChild(built)).build();
    }

    private static List<ConfigDiff.Change> whole(ContainerNode before, ContainerNode after) {
        return diff.diff(codec.toElement(before, XmlDocuments.newDocument()),
                codec.toElement(after, XmlDocuments.newDocument()));
    }

    private static ContainerNode withEntry(ContainerNode content, String list, MapEntryNode entry) {
        SystemMapNode map = (SystemMapNode) content.childByArg(id(list));
        return ImmutableNodes.builderFactory().newContainerBuilder(content)
                .withChild(ImmutableNodes.builderFactory().newSystemMapBuilder(map).withChild(entry).build()).build();
    }

    private static MapEntryNode entry(ContainerNode content, String list, String name) {
        return ((MapNode) content.childByArg(id(list))).body().stream()
                .filter(e -> e.name().getValue(YangSchema.qname("name")).equals(name)).findFirst().orElseThrow();
    }

    private static NodeIdentifier id(String name) {
        return new NodeIdentifier(YangSchema.qname(name));
    }

    /** The lab's configuration with isp1's weight and {@code policies} policies, priorities from {@code first}. */
    private static ContainerNode config(int policies, int first, String weight) throws Exception {
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < policies; i++) {
            extra.append("<policy><name>p").append(i).append("</name><priority>").append(i + first)
                    .append("</priority><match><destination-prefix>10.").append(i / 256).append('.')
                    .append(i % 256).append(".0/24</destination-prefix></match>")
                    .append(i % 3 == 0 ? "<balanced/>" : "<provider>isp" + (i % 2 + 1) + "</provider>")
                    .append("</policy>");
        }
        String text = lab.replace("<management>", extra + "<management>")
                .replaceFirst("<weight>[0-9]+</weight>", "<weight>" + weight + "</weight>");
        if (first > 1) {
            text = text.replace("<port>830</port>", "<port>8830</port>").replace("<name>noc</name>", "<name>ops</name>")
                    .replace("<translate>true</translate>", "<translate>false</translate>")
                    .replace("<to-port>80</to-port>", "<to-port>81</to-port>");
        }
        return parse(text);
    }

    private static ContainerNode parse(String text) throws Exception {
        Element config = new SecureXmlParser().parse(text.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        return codec.parseConfig(config);
    }
}
