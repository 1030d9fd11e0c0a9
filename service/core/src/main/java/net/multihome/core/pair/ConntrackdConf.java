package net.multihome.core.pair;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.Set;
import net.multihome.core.config.AddressConfig;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.config.Provider;
import net.multihome.core.config.Redundancy;

/**
 * conntrackd.conf for this router: FTFW (reliable) sync over UDP on the sync link to the peer,
 * translated connections included; the routers' own connections (loopback, the sync link, the
 * providers' and the virtual addresses) are not synced, as conntrackd's primary-backup example does.
 * The backup writes what it learns into its kernel table at once (no external cache): a packet
 * that reaches a new master before the notify script's commit finds its connection, translation
 * and mark there, rather than starting a new one. TCP window tracking is off, so connections
 * the backup takes over are not judged by windows it never saw.
 */
public final class ConntrackdConf {

    /** conntrackd's UDP port for the sync. */
    public static final int PORT = 3780;

    private ConntrackdConf() {
    }

    /** @throws IllegalArgumentException when {@code config} has no redundancy section */
    public static String render(MultihomeConfig config, PairFiles files) {
        Redundancy pair = config.pair().orElseThrow(() -> new IllegalArgumentException("no redundancy section"));
        StringBuilder out = new StringBuilder();
        out.append("# Written by multihome from its redundancy configuration; edits are overwritten.\n");
        out.append("Sync {\n");
        out.append("    Mode FTFW {\n");
        out.append("        DisableExternalCache On\n");
        out.append("    }\n");
        out.append("    UDP {\n");
        out.append("        IPv4_address ").append(pair.address().getHostAddress()).append('\n');
        out.append("        IPv4_Destination_Address ").append(pair.peerAddress().getHostAddress()).append('\n');
        out.append("        Port ").append(PORT).append('\n');
        out.append("        Interface ").append(pair.syncInterface()).append('\n');
        out.append("        Checksum on\n");
        out.append("    }\n");
        out.append("    Options {\n");
        out.append("        TCPWindowTracking Off\n");
        out.append("    }\n");
        out.append("}\n\n");
        out.append("General {\n");
        out.append("    HashSize 32768\n");
        out.append("    HashLimit 131072\n");
        out.append("    LogFile off\n");
        out.append("    Syslog on\n");
        out.append("    LockFile ").append(files.conntrackdLock()).append('\n');
        out.append("    UNIX {\n");
        out.append("        Path ").append(files.conntrackdSocket()).append('\n');
        out.append("    }\n");
        out.append("    NetlinkBufferSize 2097152\n");
        out.append("    NetlinkBufferSizeMaxGrowth 8388608\n");
        out.append("    Filter From Userspace {\n");
        out.append("        Protocol Accept {\n");
        out.append("            TCP\n");
        out.append("            UDP\n");
        out.append("            SCTP\n");
        out.append("            DCCP\n");
        out.append("        }\n");
        out.append("        Address Ignore {\n");
        for (InetAddress address : ownAddresses(config, pair)) {
            out.append("            ").append(address instanceof Inet6Address ? "IPv6_address " : "IPv4_address ")
                    .append(address.getHostAddress().replaceAll("%.*", "")).append('\n');
        }
        out.append("        }\n");
        out.append("    }\n");
        out.append("}\n");
        return out.toString();
    }

    private static Set<InetAddress> ownAddresses(MultihomeConfig config, Redundancy pair) {
        Set<InetAddress> own = new LinkedHashSet<>();
        own.add(InetAddress.getLoopbackAddress());
        own.add(pair.address());
        own.add(pair.vrrp().virtualAddress().address());
        pair.vrrp().uplinkAddresses().forEach(u -> own.add(u.address().address()));
        for (Provider p : config.providers()) {
            for (AddressConfig family : new AddressConfig[] {p.ipv4(), p.ipv6()}) {
                if (family != null && family.address() != null) {
                    own.add(family.address());
                }
            }
        }
        return own;
    }
}
