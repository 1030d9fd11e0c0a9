package net.multihome.netconf.state;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.Inet6Address;
import java.util.Locale;
import java.util.Optional;
import net.multihome.core.config.AddressConfig;
import net.multihome.core.config.Provider;
import net.multihome.core.status.ProbeStats;
import net.multihome.core.status.ProviderStatus;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.core.status.TargetStatus;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.xml.Dom;
import net.multihome.netlink.model.Link;
import org.w3c.dom.Element;

/**
 * Writes each provider's state leaves from a {@link StatusSnapshot} into the provider's list
 * entry: oper-status, reason, last-change, transitions, default-route-share, statistics,
 * interface-state, the address family's *-in-use leaves and per-target state.
 */
final class ProviderStateWriter {
    private static final String NS = YangSchema.NAMESPACE;

    private ProviderStateWriter() {
    }

    static void write(Element multihome, StatusSnapshot snapshot) {
        for (ProviderStatus p : snapshot.providers()) {
            Element entry = entry(multihome, "provider", "name", p.name());
            Dom.appendLeaf(entry, NS, "oper-status", p.operStatus().yangName());
            Dom.appendLeaf(entry, NS, "reason", p.reason() == null ? "" : p.reason());
            Dom.appendLeaf(entry, NS, "last-change", p.lastChange().toString());
            Dom.appendLeaf(entry, NS, "transitions", Long.toString(p.transitions() & 0xFFFF_FFFFL));
            Dom.appendLeaf(entry, NS, "default-route-share", percent(p.defaultRouteShare()));
            counters(Dom.append(entry, NS, "statistics"), p.stats());
            interfaceState(entry, snapshot, p);
            addressInUse(entry, snapshot, p);
            for (TargetStatus t : p.targets()) {
                Element healthCheck = child(entry, "health-check");
                Element target = entry(healthCheck, "target", "address", t.address().getHostAddress());
                Dom.appendLeaf(target, NS, "state", t.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                counters(target, t.stats());
            }
        }
    }

    private static void interfaceState(Element entry, StatusSnapshot snapshot, ProviderStatus p) {
        Element state = Dom.append(entry, NS, "interface-state");
        Dom.appendLeaf(state, NS, "if-index", Integer.toString(p.ifindex()));
        Optional<Link> link = snapshot.links().stream().filter(l -> l.index() == p.ifindex() && p.ifindex() != 0)
                .findFirst();
        link.ifPresent(l -> {
            Dom.appendLeaf(state, NS, "carrier", Boolean.toString(l.carrier()));
            Dom.appendLeaf(state, NS, "in-octets", Long.toUnsignedString(l.stats().rxBytes()));
            Dom.appendLeaf(state, NS, "out-octets", Long.toUnsignedString(l.stats().txBytes()));
            Dom.appendLeaf(state, NS, "in-packets", Long.toUnsignedString(l.stats().rxPackets()));
            Dom.appendLeaf(state, NS, "out-packets", Long.toUnsignedString(l.stats().txPackets()));
        });
    }

    private static void addressInUse(Element entry, StatusSnapshot snapshot, ProviderStatus p) {
        if (p.address() == null) {
            return;
        }
        boolean v6 = p.address() instanceof Inet6Address;
        Optional<AddressConfig> configured = snapshot.config().provider(p.name())
                .map(v6 ? Provider::ipv6 : Provider::ipv4);
        Element family = child(entry, v6 ? "ipv6" : "ipv4");
        Dom.appendLeaf(family, NS, "address-in-use", p.address().getHostAddress());
        configured.map(AddressConfig::prefixLength).ifPresent(len ->
                Dom.appendLeaf(family, NS, "prefix-length-in-use", Integer.toString(len)));
        if (p.gateway() != null) {
            Dom.appendLeaf(family, NS, "gateway-in-use", p.gateway().getHostAddress());
        }
        boolean fromConfig = configured.map(c -> p.address().equals(c.address())
                && (p.gateway() == null || p.gateway().equals(c.gateway()))).orElse(false);
        Dom.appendLeaf(family, NS, "source", fromConfig ? "configured" : "learned");
    }

    private static void counters(Element parent, ProbeStats s) {
        Dom.appendLeaf(parent, NS, "rtt-average", Long.toString(s.rttAverageMicros()));
        Dom.appendLeaf(parent, NS, "rtt-min", Long.toString(s.rttMinMicros()));
        Dom.appendLeaf(parent, NS, "rtt-max", Long.toString(s.rttMaxMicros()));
        Dom.appendLeaf(parent, NS, "jitter", Long.toString(s.jitterMicros()));
        Dom.appendLeaf(parent, NS, "loss", percent(s.lossPercent()));
        Dom.appendLeaf(parent, NS, "probes-sent", Long.toUnsignedString(s.probesSent()));
        Dom.appendLeaf(parent, NS, "probes-lost", Long.toUnsignedString(s.probesLost()));
    }

    private static String percent(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The list entry with this key, created (key first) when the configuration has none. */
    private static Element entry(Element parent, String list, String key, String value) {
        for (Element e : Dom.children(parent)) {
            if (Dom.is(e, NS, list) && Dom.child(e, NS, key).map(Dom::text).filter(value::equals).isPresent()) {
                return e;
            }
        }
        Element created = Dom.append(parent, NS, list);
        Dom.appendLeaf(created, NS, key, value);
        return created;
    }

    private static Element child(Element parent, String name) {
        return Dom.child(parent, NS, name).orElseGet(() -> Dom.append(parent, NS, name));
    }
}
