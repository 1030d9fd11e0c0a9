package net.multihome.netconf.state;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.multihome.core.config.Balancing;
import net.multihome.core.config.Provider;
import net.multihome.core.plan.IpCommands;
import net.multihome.core.plan.Planner;
import net.multihome.core.status.ProviderStatus;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.xml.Dom;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.Rule;
import org.w3c.dom.Element;

/**
 * The {@code kernel-state} container from one snapshot: the routes and rules multihome installed
 * (those with its owner protocol), in {@code ip} syntax, tables by id, rules in priority order,
 * and the members of the main default route (the providers carrying a share now).
 */
final class KernelStateWriter {
    private static final String NS = YangSchema.NAMESPACE;

    private KernelStateWriter() {
    }

    static void write(Element multihome, StatusSnapshot snapshot) {
        if (snapshot.routes().isEmpty() && snapshot.providers().isEmpty()) {
            return;
        }
        Element kernel = Dom.append(multihome, NS, "kernel-state");
        Map<Long, String> tableNames = new HashMap<>();
        tableNames.put(Planner.MAIN_TABLE, "main");
        tableNames.put(snapshot.config().balancing().table(), Balancing.DEFAULT_TABLE_NAME);
        for (Provider p : snapshot.config().providers()) {
            if (p.tableName() != null) {
                tableNames.put(p.table(), p.tableName());
            }
        }
        Map<Integer, String> interfaces = new HashMap<>();
        for (Link link : snapshot.links()) {
            interfaces.put(link.index(), link.name());
        }
        IpCommands ip = new IpCommands(index -> interfaces.getOrDefault(index, "if" + index), tableNames);
        Map<Long, List<Route>> byTable = new TreeMap<>();
        for (Route r : snapshot.routes()) {
            if (r.protocol() == snapshot.ownerProtocol()) {
                byTable.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r);
            }
        }
        byTable.forEach((id, routes) -> {
            Element table = Dom.append(kernel, NS, "table");
            Dom.appendLeaf(table, NS, "id", Long.toString(id));
            if (tableNames.containsKey(id)) {
                Dom.appendLeaf(table, NS, "name", tableNames.get(id));
            }
            for (Route r : routes) {
                Dom.appendLeaf(table, NS, "route", ip.route(r).replaceFirst("^ip (-6 )?route add ", ""));
            }
        });
        snapshot.rules().stream()
                .filter(r -> r.protocol() == snapshot.ownerProtocol())
                .sorted(Comparator.comparingInt(Rule::priority))
                .forEach(r -> Dom.appendLeaf(kernel, NS, "rule", ip.rule(r).replaceFirst("^ip (-6 )?rule add ", "")));
        for (ProviderStatus p : snapshot.providers()) {
            if (p.defaultRouteShare() == null || p.defaultRouteShare().compareTo(BigDecimal.ZERO) <= 0) {
                continue;
            }
            Element member = Dom.append(kernel, NS, "default-nexthop");
            Dom.appendLeaf(member, NS, "provider", p.name());
            if (p.gateway() != null) {
                Dom.appendLeaf(member, NS, "gateway", p.gateway().getHostAddress());
            }
            Dom.appendLeaf(member, NS, "interface", p.interfaceName());
            Dom.appendLeaf(member, NS, "weight", Integer.toString(p.weight()));
        }
    }
}
