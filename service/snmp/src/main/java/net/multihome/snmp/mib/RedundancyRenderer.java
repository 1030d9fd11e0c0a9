package net.multihome.snmp.mib;

import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.config.Redundancy;
import net.multihome.core.pair.TrackValue;
import net.multihome.core.pair.VrrpSource;
import net.multihome.core.pair.VrrpState;
import net.multihome.core.pair.VrrpStatus;
import net.multihome.core.status.StatusSnapshot;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * MULTIHOME-MIB mhRedundancy: the VRRP state keepalived reported, the instance's configured id
 * and priority, and the priority as the track lowers it. The scalars are always there; without a redundancy configuration they read
 * unknown and 0, whatever a stray state file says.
 */
public final class RedundancyRenderer implements SubtreeRenderer {

    private final VrrpSource vrrp;
    private final Instant agentStarted;

    /** @param agentStarted when sysUpTime was zero, the origin of mhVrrpLastChange */
    public RedundancyRenderer(VrrpSource vrrp, Instant agentStarted) {
        this.vrrp = vrrp;
        this.agentStarted = agentStarted;
    }

    /** The MIB value of a state: backup(2) and master(3) as VRRP-MIB's vrrpOperState. */
    public static int stateValue(VrrpState state) {
        return switch (state) {
            case UNKNOWN -> 1;
            case BACKUP -> 2;
            case MASTER -> 3;
            case FAULT -> 4;
        };
    }

    /** The status the MIB shows under {@code config}: unknown for a router on its own. */
    public static VrrpStatus shown(MultihomeConfig config, VrrpStatus status) {
        return config.pair().isPresent() ? status : VrrpStatus.UNKNOWN;
    }

    /** mhVrrpVirtualRouterId: the configured one, 0 for a router on its own. */
    public static int virtualRouterId(MultihomeConfig config) {
        return config.pair().map(r -> r.vrrp().virtualRouterId()).orElse(0);
    }

    /**
     * mhVrrpEffectivePriority: the configured priority plus the track value the daemon writes
     * for keepalived, as keepalived adds them; 0 when that sum is not positive (fault).
     */
    public static int effectivePriority(StatusSnapshot snapshot) {
        return snapshot.config().pair()
                .map(pair -> Math.max(0, pair.vrrp().priority() + TrackValue.of(pair, snapshot.providers())))
                .orElse(0);
    }

    @Override
    public Object besidesSnapshot() {
        return vrrp.current();
    }

    @Override
    public NavigableMap<OID, Variable> render(StatusSnapshot snapshot) {
        MultihomeConfig config = snapshot.config();
        VrrpStatus status = shown(config, vrrp.current());
        NavigableMap<OID, Variable> values = new TreeMap<>();
        put(values, 1, new Integer32(stateValue(status.state())));
        put(values, 2, Values.timeStamp(status.since(), agentStarted));
        put(values, 3, Values.unsigned(virtualRouterId(config)));
        put(values, 4, Values.unsigned(config.pair().map(Redundancy::vrrp).map(Redundancy.Vrrp::priority).orElse(0)));
        put(values, 5, Values.unsigned(effectivePriority(snapshot)));
        return values;
    }

    private static void put(NavigableMap<OID, Variable> values, int scalar, Variable value) {
        values.put(Oids.child(Oids.REDUNDANCY, scalar, 0), value);
    }
}
