package net.multihome.netconf.monitoring;

import java.util.ArrayList;
import java.util.List;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.rpc.Namespaces;

/**
 * Every YANG module the server names to clients (hello capabilities, netconf-state schemas,
 * yang-library) and serves through get-schema: the configuration model with the type modules
 * it imports, and the NETCONF protocol modules the server implements (RFC 6241, 6022, 6470),
 * whose texts ship under {@code yang/} as the IETF published them.
 */
public final class ServedModules {

    /** One module, its namespace and whether the server implements it (or only imports it). */
    public record ServedModule(YangSchema.ModuleFile file, String namespace, boolean implemented) {
    }

    private static final List<ServedModule> PROTOCOL = List.of(
            new ServedModule(new YangSchema.ModuleFile("ietf-netconf", "2011-06-01"), Namespaces.BASE, true),
            new ServedModule(new YangSchema.ModuleFile("ietf-netconf-monitoring", "2010-10-04"),
                    Capabilities.MONITORING_NS, true),
            new ServedModule(new YangSchema.ModuleFile("ietf-netconf-notifications", "2012-02-06"),
                    Capabilities.NOTIFICATIONS_NS, true));

    private ServedModules() {
    }

    /** The files of {@link #all}, in the same order (no schema needed for their texts). */
    public static List<YangSchema.ModuleFile> files() {
        List<YangSchema.ModuleFile> out = new ArrayList<>(YangSchema.MODULES);
        PROTOCOL.forEach(m -> out.add(m.file()));
        return List.copyOf(out);
    }

    /** The configuration model's modules first, then the protocol modules. */
    public static List<ServedModule> all(YangSchema schema) {
        List<ServedModule> out = new ArrayList<>();
        for (YangSchema.ModuleFile module : YangSchema.MODULES) {
            out.add(new ServedModule(module, namespace(schema, module),
                    module.name().equals(YangSchema.MODULE)));
        }
        out.addAll(PROTOCOL);
        return List.copyOf(out);
    }

    private static String namespace(YangSchema schema, YangSchema.ModuleFile module) {
        return schema.context().getModules().stream()
                .filter(m -> m.getName().equals(module.name()))
                .findFirst().orElseThrow().getNamespace().toString();
    }
}
