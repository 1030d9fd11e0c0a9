package net.multihome.netconf.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import net.multihome.core.store.StoreException;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.rpc.RpcError;
import net.multihome.netconf.xml.SecureXmlParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.w3c.dom.Element;

/**
 * The spliced edit (and the plain merge it tries first) against the whole-document edit it
 * replaces: random and edge edits, each
 * applied both ways to the same content, must give the same content (order included, as
 * the entries of a list in any order: they are ordered by the system) or the same rpc-errors.
 */
class SplicedEditTest {
    private static final String MH = YangSchema.NAMESPACE;
    private static final List<String> OPERATIONS = List.of("merge", "replace", "create", "delete", "remove");
    private static ConfigCodec codec;
    private static SplicedEdit spliced;
    private static WholeDocumentEdit whole;
    private static MergedEdit merges;
    private static String lab;

    @BeforeAll
    static void schema() throws Exception {
        YangSchema schema = YangSchema.load();
        codec = new ConfigCodec(schema);
        SchemaTree tree = new SchemaTree(schema);
        spliced = new SplicedEdit(codec, tree);
        whole = new WholeDocumentEdit(codec, tree);
        merges = new MergedEdit(codec, tree);
        Path file = Path.of(System.getProperty("user.dir")).resolve("../../packaging/examples/lab.xml").normalize();
        lab = Files.readString(file);
    }

    @Test
    void randomEditsGiveWhatTheWholeDocumentEditGives() throws Exception {
        int outcomes = 0;
        int refusals = 0;
        int kept = 0;
        int merged = 0;
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            ContainerNode content = seed % 10 == 0 ? null : config(random.nextInt(12));
            for (int i = 0; i < 60; i++) {
                String edit = randomEdit(random);
                EditOperation defaultOperation = random.nextInt(8) == 0 ? EditOperation.NONE
                        : random.nextInt(12) == 0 ? EditOperation.REPLACE : EditOperation.MERGE;
                Outcome expected = outcome(whole, content, edit, defaultOperation);
                Outcome actual = outcome(spliced, content, edit, defaultOperation);
                if (merges.apply(content, element(configOf(edit)), defaultOperation).isPresent()) {
                    merged++;
                }
                assertEquals(expected, actual, "seed " + seed + ", edit " + i + " (" + defaultOperation + "): " + edit);
                if (expected.errors().isEmpty()) {
                    outcomes++;
                    if (keptUntouchedPolicies(content, actual.content(), edit, defaultOperation)) {
                        kept++;
                    }
                    content = expected.content;
                } else {
                    refusals++;
                }
            }
        }
        assertTrue(outcomes > 500 && refusals > 200, outcomes + " applied, " + refusals + " refused");
        assertTrue(kept > 100, kept + " edits spliced beside the policies");
        assertTrue(merged > 200, merged + " edits merged on the data");
    }

    /** An edit that names no policy, spliced, leaves the policy list the same object. */
    private static boolean keptUntouchedPolicies(ContainerNode before, ContainerNode after, String edit,
                                                 EditOperation defaultOperation) {
        if (before == null || after == null || edit.contains("<policy") || defaultOperation == EditOperation.REPLACE
                || before.childByArg(EditScope.id("policy")) == null) {
            return false;
        }
        assertSame(before.childByArg(EditScope.id("policy")), after.childByArg(EditScope.id("policy")), edit);
        return true;
    }

    @Test
    void entriesTheEditDoesNotNameStayTheSameObjects() throws Exception {
        ContainerNode content = config(300);
        ContainerNode next = spliced.apply(content, element(configOf(
                "<provider><name>isp1</name><weight>9</weight></provider>")), EditOperation.MERGE);
        MapNode before = (MapNode) content.childByArg(EditScope.id("policy"));
        MapNode after = (MapNode) next.childByArg(EditScope.id("policy"));
        assertSame(before, after, "an untouched list is kept as a whole");
        MapNode providers = (MapNode) next.childByArg(EditScope.id("provider"));
        MapNode oldProviders = (MapNode) content.childByArg(EditScope.id("provider"));
        for (MapEntryNode entry : providers.body()) {
            if (!entry.name().toString().contains("isp1")) {
                assertSame(oldProviders.childByArg(entry.name()), entry);
            }
        }
        assertTrue(codec.toDocument(next).contains("<weight>9</weight>"));
    }

    @Test
    void aMergeKeepsTheLeavesItSetsToTheirValueAndLeavesTheRestToTheSplice() throws Exception {
        ContainerNode content = config(3);
        String same = "<provider><name>isp1</name><weight>5</weight></provider>";
        assertSame(content, merges.apply(content, element(configOf(same)), EditOperation.MERGE).orElseThrow().content(),
                "a merge that changes nothing keeps the content");
        for (String edit : List.of(
                "<provider><name>isp1</name><weight>2</weight></provider><provider><name>isp1</name></provider>",
                "<provider><name>isp1</name><weight nc:operation=\"replace\">2</weight></provider>",
                "<policy><name>p0</name><provider>isp2</provider></policy>",
                "<balancing><hash-field>source-ip</hash-field></balancing>",
                "<provider><name>isp1</name><weight>x</weight></provider>")) {
            assertTrue(merges.apply(content, element(configOf(edit)), EditOperation.MERGE).isEmpty(), edit);
        }
    }

    /** The lab's configuration with {@code policies} policies. */
    private static ContainerNode config(int policies) throws Exception {
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < policies; i++) {
            extra.append("<policy><name>p").append(i).append("</name><priority>").append(i + 1)
                    .append("</priority><match><destination-prefix>10.").append(i / 256).append('.')
                    .append(i % 256).append(".0/24</destination-prefix></match>")
                    .append(i % 3 == 0 ? "<balanced/>" : "<provider>isp" + (i % 2 + 1) + "</provider>")
                    .append("</policy>");
        }
        String text = lab.replace("<management>", extra + "<management>");
        Element config = new SecureXmlParser().parse(text.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        return codec.parseConfig(config);
    }

    private static Outcome outcome(Object how, ContainerNode content, String edit, EditOperation defaultOperation)
            throws Exception {
        Element config = element(configOf(edit));
        try {
            ContainerNode next = how instanceof SplicedEdit s ? s.apply(content, config, defaultOperation)
                    : ((WholeDocumentEdit) how).apply(content, config, defaultOperation);
            return new Outcome(next == null ? null : codec.toDocument(next), next, List.of());
        } catch (DatastoreException e) {
            return new Outcome(null, null, e.errors());
        } catch (StoreException e) {
            return new Outcome(null, null, StoreErrors.rpcErrors(e));
        }
    }

    /** What an edit gives: the content (and as get-config shows it, for messages), or the errors. */
    private record Outcome(String document, ContainerNode content, List<RpcError> errors) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Outcome other && Objects.equals(content, other.content) && errors.equals(other.errors);
        }

        @Override
        public int hashCode() {
            return Objects.hash(content, errors);
        }

        @Override
        public String toString() {
            return errors.isEmpty() ? String.valueOf(document) : errors.toString();
        }
    }

    private static String configOf(String edit) {
        return "<config xmlns=\"" + Namespaces.BASE + "\" xmlns:nc=\"" + Namespaces.BASE + "\"><multihome xmlns=\""
                + MH + "\">" + edit + "</multihome></config>";
    }

    private static Element element(String xml) throws Exception {
        return new SecureXmlParser().parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }

    private static String randomEdit(Random random) {
        StringBuilder out = new StringBuilder();
        int items = 1 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
            out.append(switch (random.nextInt(9)) {
                case 0, 1, 2 -> provider(random);
                case 3, 4, 5 -> policy(random);
                case 6 -> "<balancing" + op(random) + ">" + pick(random, "", "<mode>failover</mode>",
                        "<mode" + op(random) + ">load-balance</mode>", "<hash-policy>l3</hash-policy>",
                        "<hash-policy>custom</hash-policy><hash-field>source-ip</hash-field>",
                        "<hash-field" + op(random) + ">destination-ip</hash-field>", "<mode>sideways</mode>")
                        + "</balancing>";
                case 7 -> "<local-network" + op(random) + "><prefix>" + pick(random, "198.51.100.0/26",
                        "192.0.2.128/25", " 198.51.100.0/26 ") + "</prefix>"
                        + pick(random, "", "<interface>eth1</interface>", "<interface>" + "x".repeat(20) + "</interface>")
                        + "</local-network>";
                default -> pick(random, "<management><netconf><listen" + op(random) + "><address>127.0.0.1</address>"
                                + "<port>8830</port></listen></netconf></management>",
                        "<management" + op(random) + "><snmp><contact>noc</contact></snmp></management>",
                        "<unknown>1</unknown>", "<kernel-state/>", "<provider><weight>2</weight></provider>",
                        "<policy xmlns=\"urn:other\"><name>p1</name></policy>");
            });
        }
        return out.toString();
    }

    private static String provider(Random random) {
        String name = pick(random, "isp1", "isp2", "isp3", " isp2 ", "isp1");
        String body = pick(random, "", "<weight>" + (1 + random.nextInt(300)) + "</weight>",
                "<weight" + op(random) + ">3</weight>", "<tier>1</tier><description>d</description>",
                "<interface>if3</interface><table>103</table><ipv4><address>203.0.113.130</address>"
                        + "<prefix-length>26</prefix-length><gateway>203.0.113.129</gateway></ipv4>",
                "<health-check><target" + op(random) + "><address>192.0.2.9</address></target></health-check>",
                "<ipv4" + op(random) + "><enabled>false</enabled></ipv4>", "<bogus/>");
        return "<provider" + op(random) + "><name>" + name + "</name>" + body + "</provider>";
    }

    private static String policy(Random random) {
        String name = pick(random, "p0", "p1", "p5", "p11", "new" + random.nextInt(3));
        String body = pick(random, "", "<priority>" + (500 + random.nextInt(20)) + "</priority>",
                "<balanced" + op(random) + "/>", "<provider>isp" + (1 + random.nextInt(2)) + "</provider>",
                "<priority>" + (600 + random.nextInt(9)) + "</priority><provider>isp1</provider>"
                        + "<when-down>drop</when-down>",
                "<match" + op(random) + "><destination-prefix>10.99." + random.nextInt(3)
                        + ".0/24</destination-prefix></match>",
                "<match><protocol>6</protocol><destination-port" + op(random) + "><start>80</start></destination-port>"
                        + "</match>", "<priority>0</priority>");
        return "<policy" + op(random) + "><name>" + name + "</name>" + body + "</policy>";
    }

    private static String op(Random random) {
        return random.nextInt(3) == 0 ? " nc:operation=\"" + pick(random, OPERATIONS.toArray(String[]::new)) + "\""
                : random.nextInt(40) == 0 ? " nc:operation=\"bogus\"" : "";
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }
}
