package net.multihome.snmp;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.pair.VrrpState;
import net.multihome.core.pair.VrrpStatus;
import net.multihome.core.status.StatusSource;
import net.multihome.snmp.mib.Oids;
import net.multihome.snmp.mib.RedundancyRenderer;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.VariableBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mhVrrpStateChange with the new state and the virtual router id when the VRRP state the
 * MIB shows changes. The state when the agent starts is the baseline and sends nothing (coldStart
 * stands for it); a router without a redundancy configuration sends none.
 */
final class VrrpTraps implements Consumer<VrrpStatus> {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpTraps.class);

    private final BiConsumer<OID, VariableBinding[]> sender;
    private final StatusSource status;
    /** The state last notified (or the baseline); the VRRP source's thread alone reads and writes it after start. */
    private VrrpState last;

    /** @param sender {@link NotificationSender#send} outside tests */
    VrrpTraps(BiConsumer<OID, VariableBinding[]> sender, StatusSource status, VrrpStatus baseline) {
        this.sender = sender;
        this.status = status;
        this.last = RedundancyRenderer.shown(status.snapshot().config(), baseline).state();
    }

    @Override
    public void accept(VrrpStatus changed) {
        MultihomeConfig config = status.snapshot().config();
        VrrpState next = RedundancyRenderer.shown(config, changed).state();
        if (next == last) {
            return;
        }
        LOG.debug("notification mhVrrpStateChange: {} (was {})", next, last);
        last = next;
        sender.accept(Oids.VRRP_STATE_CHANGE, new VariableBinding[] {
            new VariableBinding(Oids.VRRP_STATE, new Integer32(RedundancyRenderer.stateValue(next))),
            new VariableBinding(Oids.VRRP_VIRTUAL_ROUTER_ID,
                    new UnsignedInteger32(RedundancyRenderer.virtualRouterId(config))),
        });
    }
}
