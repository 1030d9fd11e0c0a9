package net.multihome.netconf.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import net.multihome.core.config.Balancing;
import net.multihome.core.config.Management;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.config.Redundancy;
import net.multihome.core.pair.VrrpState;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.sync.SyncState;
import net.multihome.netconf.sync.SyncStatus;
import net.multihome.netconf.xml.XmlDocuments;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The redundancy section's state: keepalived's state and config sync's while the router is one of a pair. */
class StateDataTest {

    private static final String NS = YangSchema.NAMESPACE;
    private static final Instant T0 = Instant.parse("2026-12-04T00:00:00Z");

    private static List<String> states(MultihomeConfig config) throws Exception {
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
        Element multihome = doc.createElementNS(NS, "multihome");
        doc.appendChild(multihome);
        StatusSnapshot snapshot = new StatusSnapshot(T0, T0, config, List.of(), List.of(), List.of(), 1, "ok",
                List.of(), 77);
        new StateData(() -> snapshot, () -> VrrpState.MASTER).contribute(multihome, doc);
        var leaves = multihome.getElementsByTagNameNS(NS, "state");
        return java.util.stream.IntStream.range(0, leaves.getLength())
                .mapToObj(i -> leaves.item(i).getParentNode().getLocalName() + "/" + leaves.item(i).getTextContent())
                .toList();
    }

    @Test
    void aRouterOfAPairReportsItsVrrpStateUnderRedundancy() throws Exception {
        MultihomeConfig pair = new MultihomeConfig(Balancing.DEFAULTS, List.of(), List.of(), List.of(), List.of(),
                Management.NONE, new Redundancy("sync0", InetAddress.ofLiteral("198.18.0.1"),
                        InetAddress.ofLiteral("198.18.0.2"), new Redundancy.Vrrp(51, 100, Duration.ofSeconds(1), false,
                                new Redundancy.VirtualAddress(InetAddress.ofLiteral("10.0.0.1"), 24), List.of()),
                        Redundancy.FAULT_WEIGHT));
        assertEquals(List.of("redundancy/master"), states(pair));
    }

    @Test
    void configSyncReportsItsStateEpochsAndClientKeyUnderRedundancy() throws Exception {
        MultihomeConfig pair = new MultihomeConfig(Balancing.DEFAULTS, List.of(), List.of(), List.of(), List.of(),
                Management.NONE, new Redundancy("sync0", InetAddress.ofLiteral("198.18.0.1"),
                        InetAddress.ofLiteral("198.18.0.2"), new Redundancy.Vrrp(51, 100, Duration.ofSeconds(1), false,
                                new Redundancy.VirtualAddress(InetAddress.ofLiteral("10.0.0.1"), 24), List.of()),
                        Redundancy.FAULT_WEIGHT));
        Document doc = XmlDocuments.newDocument();
        Element multihome = doc.createElementNS(NS, "multihome");
        doc.appendChild(multihome);
        StatusSnapshot snapshot = new StatusSnapshot(T0, T0, pair, List.of(), List.of(), List.of(), 1, "ok",
                List.of(), 77);
        SyncStatus sync = new SyncStatus(SyncState.DIVERGED, Optional.of("both changed apart"), 6, 5,
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE");
        new StateData(() -> snapshot, () -> VrrpState.BACKUP, () -> Optional.of(sync)).contribute(multihome, doc);
        Element configSync = (Element) multihome.getElementsByTagNameNS(NS, "config-sync").item(0);
        assertEquals("redundancy", configSync.getParentNode().getLocalName());
        assertEquals("diverged", text(configSync, "state"));
        assertEquals("both changed apart", text(configSync, "last-error"));
        assertEquals("5", text(configSync, "peer-epoch"));
        assertEquals("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE", text(configSync, "client-key"));
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(NS, name).item(0).getTextContent();
    }

    @Test
    void aRouterOnItsOwnHasNoRedundancyState() throws Exception {
        assertEquals(List.of(), states(MultihomeConfig.empty()));
    }
}
