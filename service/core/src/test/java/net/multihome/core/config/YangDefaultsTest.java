package net.multihome.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import net.multihome.core.yang.YangSchema;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.stmt.DefaultEffectiveStatement;

/**
 * Every configuration leaf with a YANG default has the same default on the Java side: a
 * document that leaves the leaf out reads to the value YANG names. A new default in the YANG
 * module fails this test until {@link #JAVA_DEFAULTS} maps it.
 */
class YangDefaultsTest {

    private static final YangSchema SCHEMA = YangSchema.load();

    /** Every list entry and presence container needed to reach each defaulted leaf, and nothing else. */
    private static final String BARE = """
            <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
              <multihome xmlns="urn:multihome:yang:multihome">
                <local-network>
                  <prefix>10.0.0.0/24</prefix>
                  <interface>eth0</interface>
                </local-network>
                <provider>
                  <name>isp1</name>
                  <interface>if1</interface>
                  <table>101</table>
                  <health-check>
                    <target><address>192.0.2.1</address></target>
                  </health-check>
                </provider>
                <policy>
                  <name>web</name>
                  <priority>10</priority>
                  <provider>isp1</provider>
                </policy>
                <management>
                  <netconf>
                    <listen><address>127.0.0.1</address></listen>
                    <nacm>
                      <rule-list><name>all</name><rule><name>any</name><action>permit</action></rule></rule-list>
                    </nacm>
                  </netconf>
                  <snmp>
                    <listen><address>127.0.0.1</address></listen>
                    <user><name>ops</name><auth-passphrase>auth-secret-1</auth-passphrase>
                      <priv-passphrase>priv-secret-1</priv-passphrase></user>
                    <notification-target><name>nms</name><address>192.0.2.9</address>
                      <community>public</community></notification-target>
                  </snmp>
                  <metrics>
                    <listen><address>127.0.0.1</address></listen>
                  </metrics>
                </management>
                <redundancy>
                  <sync-interface>sync0</sync-interface>
                  <address>198.18.0.1</address>
                  <peer-address>198.18.0.2</peer-address>
                  <vrrp>
                    <virtual-router-id>51</virtual-router-id>
                    <virtual-address>10.0.0.1/24</virtual-address>
                  </vrrp>
                </redundancy>
              </multihome>
            </config>
            """;

    /** The Java default of each defaulted configuration leaf, by schema path, in YANG's words. */
    private static final Map<String, Function<MultihomeConfig, Object>> JAVA_DEFAULTS = Map.ofEntries(
            Map.entry("multihome/balancing/mode", c -> c.balancing().mode()),
            Map.entry("multihome/balancing/hash-policy", c -> c.balancing().hashPolicy()),
            Map.entry("multihome/balancing/default-route/kind", c -> c.balancing().defaultRouteKind()),
            Map.entry("multihome/balancing/default-route/buckets", c -> c.balancing().buckets()),
            Map.entry("multihome/balancing/default-route/idle-timer", c -> c.balancing().idleTimerSeconds()),
            Map.entry("multihome/balancing/default-route/unbalanced-timer", c -> c.balancing().unbalancedTimerSeconds()),
            Map.entry("multihome/balancing/default-route/metric", c -> c.balancing().metric()),
            Map.entry("multihome/balancing/default-route/table", c -> c.balancing().table()),
            Map.entry("multihome/balancing/all-down", c -> c.balancing().allDown()),
            Map.entry("multihome/provider/enabled", c -> provider(c).enabled()),
            Map.entry("multihome/provider/ipv4/enabled", c -> provider(c).ipv4() != null),
            Map.entry("multihome/provider/weight", c -> provider(c).weight()),
            Map.entry("multihome/provider/tier", c -> provider(c).tier()),
            Map.entry("multihome/provider/nat/mode", c -> provider(c).nat().mode()),
            Map.entry("multihome/local-network/translate", c -> c.localNetworks().getFirst().translate()),
            Map.entry("multihome/provider/health-check/enabled", c -> check(c).enabled()),
            Map.entry("multihome/provider/health-check/target/method", c -> check(c).targets().getFirst().method()),
            Map.entry("multihome/provider/health-check/interval", c -> check(c).interval().toMillis()),
            Map.entry("multihome/provider/health-check/timeout", c -> check(c).timeout().toMillis()),
            Map.entry("multihome/provider/health-check/down-count", c -> check(c).downCount()),
            Map.entry("multihome/provider/health-check/up-count", c -> check(c).upCount()),
            Map.entry("multihome/provider/health-check/reliability", c -> check(c).reliability()),
            Map.entry("multihome/provider/health-check/window", c -> check(c).window()),
            Map.entry("multihome/provider/health-check/degraded/keep-in-default-route",
                    c -> check(c).degraded().keepInDefaultRoute()),
            Map.entry("multihome/provider/health-check/damping/enabled", c -> check(c).damping().enabled()),
            Map.entry("multihome/provider/health-check/damping/max-flaps", c -> check(c).damping().maxFlaps()),
            Map.entry("multihome/provider/health-check/damping/flap-window",
                    c -> check(c).damping().flapWindow().toSeconds()),
            Map.entry("multihome/provider/health-check/damping/hold-time",
                    c -> check(c).damping().holdTime().toSeconds()),
            Map.entry("multihome/provider/health-check/damping/max-hold-time",
                    c -> check(c).damping().maxHoldTime().toSeconds()),
            Map.entry("multihome/policy/sticky", c -> c.policies().getFirst().sticky()),
            Map.entry("multihome/policy/when-down",
                    c -> ((Policy.ViaProvider) c.policies().getFirst().action()).whenDown()),
            Map.entry("multihome/management/netconf/enabled", c -> c.management().netconf().enabled()),
            Map.entry("multihome/management/netconf/listen/port",
                    c -> c.management().netconf().listen().getFirst().port()),
            Map.entry("multihome/management/netconf/idle-timeout",
                    c -> c.management().netconf().idleTimeout().toSeconds()),
            Map.entry("multihome/management/netconf/max-sessions", c -> c.management().netconf().maxSessions()),
            Map.entry("multihome/management/netconf/nacm/enable-nacm", c -> nacm(c).enabled()),
            Map.entry("multihome/management/netconf/nacm/read-default", c -> action(nacm(c).readPermit())),
            Map.entry("multihome/management/netconf/nacm/write-default", c -> action(nacm(c).writePermit())),
            Map.entry("multihome/management/netconf/nacm/exec-default", c -> action(nacm(c).execPermit())),
            Map.entry("multihome/management/netconf/nacm/rule-list/rule/module-name", c -> rule(c).module()),
            Map.entry("multihome/management/netconf/nacm/rule-list/rule/access-operations",
                    c -> rule(c).operations().equals(EnumSet.allOf(Nacm.Access.class)) ? "*" : rule(c).operations()),
            Map.entry("multihome/management/metrics/enabled", c -> c.management().metrics().enabled()),
            Map.entry("multihome/management/metrics/listen/port",
                    c -> c.management().metrics().listen().getFirst().port()),
            Map.entry("multihome/management/snmp/enabled", c -> c.management().snmp().enabled()),
            Map.entry("multihome/management/snmp/listen/port", c -> c.management().snmp().listen().getFirst().port()),
            Map.entry("multihome/management/snmp/user/auth-protocol",
                    c -> c.management().snmp().users().getFirst().auth()),
            Map.entry("multihome/management/snmp/user/priv-protocol",
                    c -> c.management().snmp().users().getFirst().priv()),
            Map.entry("multihome/management/snmp/notification-target/port",
                    c -> c.management().snmp().targets().getFirst().port()),
            Map.entry("multihome/management/snmp/notification-target/version",
                    c -> c.management().snmp().targets().getFirst().version()),
            Map.entry("multihome/management/snmp/notification-target/type",
                    c -> c.management().snmp().targets().getFirst().type()),
            Map.entry("multihome/redundancy/vrrp/priority", c -> c.pair().orElseThrow().vrrp().priority()),
            Map.entry("multihome/redundancy/vrrp/advert-interval",
                    c -> c.pair().orElseThrow().vrrp().advertInterval().toMillis()),
            Map.entry("multihome/redundancy/vrrp/preempt", c -> c.pair().orElseThrow().vrrp().preempt()),
            Map.entry("multihome/redundancy/track/all-providers-down",
                    c -> c.pair().orElseThrow().allProvidersDownWeight()),
            Map.entry("multihome/redundancy/config-sync/enabled", c -> c.pair().orElseThrow().configSync().enabled()),
            Map.entry("multihome/redundancy/config-sync/port", c -> c.pair().orElseThrow().configSync().port()),
            Map.entry("multihome/redundancy/config-sync/epoch", c -> c.pair().orElseThrow().configSync().epoch()));

    @Test
    void everyJavaDefaultEqualsItsYangDefault() throws Exception {
        Map<String, String> yang = yangDefaults();
        MultihomeConfig bare = new ConfigLoader(SCHEMA)
                .load(new ByteArrayInputStream(BARE.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Balancing.DEFAULTS, bare.balancing(), "the defaults of an empty balancing container");
        List<String> unmapped = new ArrayList<>(yang.keySet());
        unmapped.removeAll(JAVA_DEFAULTS.keySet());
        assertTrue(unmapped.isEmpty(), "YANG defaults without a Java counterpart in this test: " + unmapped);
        List<String> stale = new ArrayList<>(JAVA_DEFAULTS.keySet());
        stale.removeAll(yang.keySet());
        assertTrue(stale.isEmpty(), "mapped leaves that have no YANG default (any more): " + stale);
        Map<String, String> differing = new TreeMap<>();
        yang.forEach((path, expected) -> {
            String actual = yangText(JAVA_DEFAULTS.get(path).apply(bare));
            if (!expected.equals(actual)) {
                differing.put(path, "YANG " + expected + ", Java " + actual);
            }
        });
        assertEquals(Map.of(), differing, "Java defaults that differ from YANG");
    }

    @Test
    void anEmptyDatastoreReadsLikeAnEmptyMultihomeContainer() throws Exception {
        String empty = "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">"
                + "<multihome xmlns=\"urn:multihome:yang:multihome\"/></config>";
        assertEquals(MultihomeConfig.empty(),
                new ConfigLoader(SCHEMA).load(new ByteArrayInputStream(empty.getBytes(StandardCharsets.UTF_8))));
    }

    /** Every configuration leaf of the multihome module that has a default, by path from the module. */
    private static Map<String, String> yangDefaults() {
        Module module = SCHEMA.context().findModule(YangSchema.QNAME_MODULE).orElseThrow();
        Map<String, String> out = new TreeMap<>();
        for (DataSchemaNode node : module.getChildNodes()) {
            collect(node, "", out);
        }
        return out;
    }

    private static void collect(DataSchemaNode node, String parent, Map<String, String> out) {
        if (!node.effectiveConfig().orElse(Boolean.TRUE)) {
            return;
        }
        if (node instanceof ChoiceSchemaNode choice) {
            // Choices and cases are not part of the data path.
            for (CaseSchemaNode c : choice.getCases()) {
                c.getChildNodes().forEach(child -> collect(child, parent, out));
            }
            return;
        }
        String path = parent + node.getQName().getLocalName();
        if (node instanceof LeafSchemaNode leaf) {
            leaf.asEffectiveStatement().findFirstEffectiveSubstatementArgument(DefaultEffectiveStatement.class)
                    .ifPresent(value -> out.put(path, value));
        } else if (node instanceof DataNodeContainer container) {
            container.getChildNodes().forEach(child -> collect(child, path + "/", out));
        }
    }

    private static Nacm nacm(MultihomeConfig config) {
        return config.management().netconf().nacm();
    }

    private static Nacm.Rule rule(MultihomeConfig config) {
        return nacm(config).ruleLists().getFirst().rules().getFirst();
    }

    private static String action(boolean permit) {
        return permit ? "permit" : "deny";
    }

    private static Provider provider(MultihomeConfig config) {
        return config.providers().getFirst();
    }

    private static HealthCheck check(MultihomeConfig config) {
        return provider(config).healthCheck();
    }

    /** A Java value as YANG writes it: enum constants in lower case with dashes. */
    private static String yangText(Object value) {
        return value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT).replace('_', '-') : String.valueOf(value);
    }
}
