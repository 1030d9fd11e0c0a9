package net.multihome.core.config;

import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.PortRange;

/**
 * A routing policy. Null or zero match fields match anything.
 *
 * @param priority order among policies, 1..9999
 * @param protocol IP protocol number, 0 for any
 * @param sticky whether matching connections keep the provider they started on
 */
public record Policy(
        String name,
        int priority,
        IpPrefix source,
        IpPrefix destination,
        String inputInterface,
        int protocol,
        PortRange sourcePorts,
        PortRange destinationPorts,
        Action action,
        boolean sticky) {

    /** Where matching traffic goes. */
    public sealed interface Action permits ViaProvider, Balanced {
    }

    /** Through one provider; {@code whenDown} says what happens while it is not usable. */
    public record ViaProvider(String provider, WhenDown whenDown) implements Action {
    }

    /** Through the balanced default route. */
    public record Balanced() implements Action {
    }

    /** Behaviour of a provider policy while its provider is not usable. */
    public enum WhenDown { FALL_BACK, DROP }
}
