package net.multihome.core.plan;

import java.util.Map;
import java.util.Optional;

/** The interfaces of the router's namespace, by name, as the planner sees them. */
public record KernelView(Map<String, InterfaceView> interfaces) {

    public static final String LOOPBACK = "lo";

    public KernelView {
        interfaces = Map.copyOf(interfaces);
    }

    public Optional<InterfaceView> find(String name) {
        return Optional.ofNullable(interfaces.get(name));
    }
}
