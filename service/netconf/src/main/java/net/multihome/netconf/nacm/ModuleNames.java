package net.multihome.netconf.nacm;

import java.util.HashMap;
import java.util.Map;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.monitoring.Capabilities;
import net.multihome.netconf.monitoring.YangLibraryWriter;
import net.multihome.netconf.rpc.Namespaces;
import org.opendaylight.yangtools.yang.model.api.Module;

/** The module a namespace belongs to, as rules name modules (module-name). */
final class ModuleNames {
    private final Map<String, String> byNamespace = new HashMap<>();

    ModuleNames(YangSchema schema) {
        for (Module module : schema.context().getModules()) {
            byNamespace.put(module.getNamespace().toString(), module.getName());
        }
        byNamespace.put(Namespaces.BASE, "ietf-netconf");
        byNamespace.put(Namespaces.NOTIFICATION, "notifications");
        byNamespace.put(Capabilities.MONITORING_NS, "ietf-netconf-monitoring");
        byNamespace.put(Capabilities.NOTIFICATIONS_NS, "ietf-netconf-notifications");
        byNamespace.put(YangLibraryWriter.NS, "ietf-yang-library");
    }

    /** The module's name; an unknown namespace stands for itself. */
    String of(String namespace) {
        return namespace == null ? "" : byNamespace.getOrDefault(namespace, namespace);
    }
}
