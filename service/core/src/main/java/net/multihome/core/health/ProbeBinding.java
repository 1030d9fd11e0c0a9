package net.multihome.core.health;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Where a provider's probes leave from: its interface, and its address per family when known
 * (without one the kernel picks an address of that interface).
 */
public record ProbeBinding(String interfaceName, Inet4Address ipv4Source, Inet6Address ipv6Source) {

    public ProbeBinding {
        Objects.requireNonNull(interfaceName, "interfaceName");
        if (interfaceName.isEmpty() || interfaceName.length() > 15) {
            throw new IllegalArgumentException("not an interface name: '" + interfaceName + "'");
        }
    }

    /** The source address for a target of the given family, or null. */
    public InetAddress source(boolean ipv6) {
        return ipv6 ? ipv6Source : ipv4Source;
    }
}
