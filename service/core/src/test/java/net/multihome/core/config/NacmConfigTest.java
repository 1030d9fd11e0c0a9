package net.multihome.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.multihome.core.yang.YangSchema;
import org.junit.jupiter.api.Test;

/** The nacm container read into the validated configuration, and its rule paths checked. */
class NacmConfigTest {
    private static final ConfigLoader LOADER = new ConfigLoader(YangSchema.load());

    @Test
    void groupsAndOrderedRulesAreRead() throws Exception {
        Nacm nacm = load("""
                <groups><group><name>noc</name><user-name>nick</user-name></group></groups>
                <rule-list><name>noc</name><group>noc</group>
                  <rule><name>no-commit</name><module-name>ietf-netconf</module-name>
                    <rpc-name>commit</rpc-name><access-operations>exec</access-operations><action>deny</action></rule>
                  <rule><name>read-isp1</name>
                    <path>/mh:multihome/mh:provider[mh:name='isp1']</path>
                    <access-operations>read update</access-operations><action>permit</action></rule>
                </rule-list>""");
        assertTrue(nacm.enforced());
        assertEquals(Map.of("noc", Set.of("nick")), nacm.groups());
        List<Nacm.Rule> rules = nacm.ruleLists().getFirst().rules();
        assertEquals(new Nacm.Rule("no-commit", "ietf-netconf", new Nacm.Target.Operation("commit"),
                EnumSet.of(Nacm.Access.EXEC), false), rules.get(0));
        assertEquals(EnumSet.of(Nacm.Access.READ, Nacm.Access.UPDATE), rules.get(1).operations());
        assertEquals("*", rules.get(1).module());
        assertEquals(new Nacm.Target.Data(NacmPath.parse("/mh:multihome/mh:provider[mh:name='isp1']")),
                rules.get(1).target());
    }

    @Test
    void withoutTheContainerNothingIsEnforced() throws Exception {
        assertFalse(LOADER.load(stream("<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"/>"))
                .management().netconf().nacm().enforced());
        assertFalse(load("<enable-nacm>false</enable-nacm>").enforced());
    }

    @Test
    void aMalformedPathIsRefusedAtItsLeaf() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> load("""
                <rule-list><name>l</name><group>*</group>
                  <rule><name>bad</name><path>/mh:multihome/mh:provider[name=isp1]</path><action>deny</action></rule>
                </rule-list>"""));
        assertEquals("/mh:multihome/mh:management/mh:netconf/mh:nacm/mh:rule-list[mh:name='l']"
                + "/mh:rule[mh:name='bad']/mh:path", e.errors().getFirst().path());
    }

    @Test
    void pathsParseAsInstanceIdentifiersWithOptionalKeys() {
        assertEquals(List.of(), NacmPath.parse("/").steps());
        NacmPath path = NacmPath.parse("/mh:multihome/mh:provider[mh:name=\"isp1\"]/mh:weight");
        assertEquals(new NacmPath.Step("mh", "provider", Map.of("name", "isp1")), path.steps().get(1));
        assertEquals(new NacmPath.Step("", "multihome", Map.of()), NacmPath.parse("/multihome").steps().getFirst());
        for (String bad : List.of("", "mh:multihome", "/mh:", "/a[b]", "/a[b='c'", "/a//b", "/a b")) {
            assertThrows(IllegalArgumentException.class, () -> NacmPath.parse(bad), bad);
        }
    }

    private static Nacm load(String nacm) throws Exception {
        return LOADER.load(stream("""
                <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
                  <multihome xmlns="urn:multihome:yang:multihome"><management><netconf>
                    <user><name>nick</name><authorized-key>ssh-ed25519 AAAA nick</authorized-key></user>
                    <nacm>%s</nacm>
                  </netconf></management></multihome>
                </config>""".formatted(nacm))).management().netconf().nacm();
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
