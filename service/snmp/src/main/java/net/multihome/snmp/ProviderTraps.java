package net.multihome.snmp;

import java.util.function.Consumer;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.status.ProviderStateChange;
import net.multihome.snmp.mib.Oids;
import net.multihome.snmp.mib.ProviderTableRenderer;
import net.multihome.snmp.state.ProviderIndexStore;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns provider state changes into MULTIHOME-MIB notifications: down and noInterface send
 * providerDown, up providerUp, degraded providerDegraded; disabling a provider is an operator's
 * act and sends nothing. Each carries the provider's name, oper status and reason as instances
 * of its row.
 */
final class ProviderTraps implements Consumer<ProviderStateChange> {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderTraps.class);

    private final NotificationSender sender;
    private final ProviderIndexStore indexes;

    ProviderTraps(NotificationSender sender, ProviderIndexStore indexes) {
        this.sender = sender;
        this.indexes = indexes;
    }

    @Override
    public void accept(ProviderStateChange change) {
        OID notification = notificationFor(change.newStatus());
        if (notification == null) {
            return;
        }
        int index = indexes.indexOf(change.provider());
        VariableBinding[] varbinds = {
            new VariableBinding(column(Oids.COL_PROVIDER_NAME, index), new OctetString(change.provider())),
            new VariableBinding(column(Oids.COL_PROVIDER_OPER_STATUS, index),
                    new Integer32(ProviderTableRenderer.operStatusValue(change.newStatus()))),
            new VariableBinding(column(Oids.COL_PROVIDER_REASON, index),
                    new OctetString(change.reason() == null ? "" : change.reason())),
        };
        LOG.debug("notification {} for provider {}", notification, change.provider());
        sender.send(notification, varbinds);
    }

    static OID notificationFor(OperStatus status) {
        return switch (status) {
            case DOWN, NO_INTERFACE -> Oids.PROVIDER_DOWN;
            case UP -> Oids.PROVIDER_UP;
            case DEGRADED -> Oids.PROVIDER_DEGRADED;
            case DISABLED -> null;
        };
    }

    private static OID column(int column, int index) {
        return Oids.child(Oids.PROVIDER_ENTRY, column, index);
    }
}
