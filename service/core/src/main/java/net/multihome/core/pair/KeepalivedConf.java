package net.multihome.core.pair;

import java.math.BigDecimal;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.config.Provider;
import net.multihome.core.config.Redundancy;

/**
 * keepalived.conf for this router's half of the pair: one VRRPv3 instance whose advertisements
 * go unicast to the peer over the sync link, holding the LAN gateway address and the shared
 * providers' addresses; the LAN interface is tracked (its loss is a fault, which gives the role
 * up at once), and so is the daemon's track file (all providers down). The sync link itself is
 * not tracked: a peer that dies takes the carrier of a direct cable with it, and the survivor
 * must become master then, not fail.
 */
public final class KeepalivedConf {

    /** The instance's name, as the notify script sees it. */
    public static final String INSTANCE = "multihome";

    private KeepalivedConf() {
    }

    /** @throws IllegalArgumentException when {@code config} has no redundancy section */
    public static String render(MultihomeConfig config, PairFiles files) {
        Redundancy pair = config.pair().orElseThrow(() -> new IllegalArgumentException("no redundancy section"));
        Redundancy.Vrrp vrrp = pair.vrrp();
        String lan = config.pairLanInterface().orElseThrow();
        StringBuilder out = new StringBuilder();
        out.append("# Written by multihome from its redundancy configuration; edits are overwritten.\n");
        out.append("global_defs {\n");
        out.append("    router_id multihome-").append(pair.address().getHostAddress()).append('\n');
        out.append("    script_user root\n");
        out.append("}\n\n");
        out.append("track_file multihome_providers {\n");
        out.append("    file \"").append(files.track()).append("\"\n");
        out.append("    weight 1\n");
        out.append("    init_file 0\n");
        out.append("}\n\n");
        out.append("vrrp_instance ").append(INSTANCE).append(" {\n");
        out.append("    state BACKUP\n");
        out.append("    version 3\n");
        out.append("    interface ").append(pair.syncInterface()).append('\n');
        out.append("    dont_track_primary\n");
        out.append("    virtual_router_id ").append(vrrp.virtualRouterId()).append('\n');
        out.append("    priority ").append(vrrp.priority()).append('\n');
        out.append("    advert_int ").append(seconds(vrrp.advertInterval().toMillis())).append('\n');
        if (!vrrp.preempt()) {
            out.append("    nopreempt\n");
        }
        out.append("    unicast_src_ip ").append(pair.address().getHostAddress()).append('\n');
        out.append("    unicast_peer {\n");
        out.append("        ").append(pair.peerAddress().getHostAddress()).append('\n');
        out.append("    }\n");
        out.append("    virtual_ipaddress {\n");
        out.append("        ").append(vrrp.virtualAddress()).append(" dev ").append(lan).append('\n');
        for (Redundancy.UplinkAddress uplink : vrrp.uplinkAddresses()) {
            String device = config.provider(uplink.provider()).map(Provider::interfaceName).orElseThrow();
            out.append("        ").append(uplink.address()).append(" dev ").append(device).append('\n');
        }
        out.append("    }\n");
        out.append("    track_interface {\n");
        out.append("        ").append(lan).append('\n');
        out.append("    }\n");
        out.append("    track_file {\n");
        out.append("        multihome_providers\n");
        out.append("    }\n");
        out.append("    notify \"").append(files.notifyScript()).append(' ').append(files.state()).append(' ')
                .append(files.conntrackdConf()).append("\"\n");
        out.append("}\n");
        return out.toString();
    }

    /** Milliseconds as keepalived's seconds (VRRPv3 counts centiseconds). */
    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis / 10, 2).stripTrailingZeros().toPlainString();
    }
}
