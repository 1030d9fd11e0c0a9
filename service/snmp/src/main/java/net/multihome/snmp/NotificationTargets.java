package net.multihome.snmp;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.multihome.core.config.Management;
import org.snmp4j.agent.NotificationOriginator;
import org.snmp4j.agent.mo.snmp.SnmpNotificationMIB;
import org.snmp4j.agent.mo.snmp.SnmpTargetMIB;
import org.snmp4j.agent.mo.snmp.StorageType;
import org.snmp4j.agent.mo.snmp.TransportDomains;
import org.snmp4j.mp.MessageProcessingModel;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;

/**
 * Writes the configured notification receivers into SNMP-TARGET-MIB and SNMP-NOTIFICATION-MIB,
 * where SNMP4J's notification originator finds them: one address, parameter set and notify
 * entry per receiver, linked by a tag of its own so each can be a trap or an inform. Each
 * receiver also gets an originator of its own, whose private notify table holds its entry
 * alone, so it can be sent to without waiting for the others.
 */
final class NotificationTargets {

    /** Inform retransmission: timeout in centiseconds, and retries. */
    private static final int TIMEOUT_CENTISECONDS = 100;
    private static final int RETRIES = 2;

    private final SnmpTargetMIB targetMib;
    private final SnmpNotificationMIB notificationMib;
    private final Function<SnmpNotificationMIB, NotificationOriginator> originators;
    private final List<OctetString> installed = new ArrayList<>();

    /** A configured receiver and the originator that sends to it alone. */
    record Receiver(Management.NotificationTarget target, NotificationOriginator originator) {

        /** The target's name and address, for log lines. */
        String describe() {
            return target.name() + " (" + new UdpAddress(target.address(), target.port()) + ")";
        }
    }

    /**
     * {@code originators} makes an originator that sends to the targets of the given notify
     * table, resolved in {@code targetMib}.
     */
    NotificationTargets(SnmpTargetMIB targetMib, SnmpNotificationMIB notificationMib,
            Function<SnmpNotificationMIB, NotificationOriginator> originators) {
        this.targetMib = targetMib;
        this.notificationMib = notificationMib;
        this.originators = originators;
    }

    /**
     * Replaces the receivers with those of {@code settings}; v3 users must already be known.
     * Returns the receivers installed (a v3 target whose user is unknown is left out).
     */
    synchronized List<Receiver> apply(Management.Snmp settings) {
        for (OctetString name : installed) {
            notificationMib.removeNotifyEntry(name);
            targetMib.removeTargetAddress(name);
            targetMib.removeTargetParams(name);
        }
        installed.clear();
        List<Receiver> receivers = new ArrayList<>();
        for (Management.NotificationTarget target : settings.targets()) {
            OctetString name = new OctetString("mh-" + target.name());
            if (!addParams(name, target, settings)) {
                continue;
            }
            UdpAddress address = new UdpAddress(target.address(), target.port());
            targetMib.addTargetAddress(name,
                    target.address() instanceof Inet6Address ? TransportDomains.transportDomainUdpIpv6
                            : TransportDomains.transportDomainUdpIpv4,
                    new OctetString(address.getValue()), TIMEOUT_CENTISECONDS, RETRIES, name, name,
                    StorageType.volatile_);
            int type = target.type() == Management.NotificationType.INFORM
                    ? SnmpNotificationMIB.SnmpNotifyTypeEnum.inform : SnmpNotificationMIB.SnmpNotifyTypeEnum.trap;
            notificationMib.addNotifyEntry(name, name, type, StorageType.volatile_);
            SnmpNotificationMIB own = new SnmpNotificationMIB();
            own.addNotifyEntry(name, name, type, StorageType.volatile_);
            receivers.add(new Receiver(target, originators.apply(own)));
            installed.add(name);
        }
        return List.copyOf(receivers);
    }

    private boolean addParams(OctetString name, Management.NotificationTarget target, Management.Snmp settings) {
        if (target.version() == Management.SnmpVersion.V2C) {
            return targetMib.addTargetParams(name, MessageProcessingModel.MPv2c, SecurityModel.SECURITY_MODEL_SNMPv2c,
                    AccessControl.notifySecurityName(target), SecurityLevel.NOAUTH_NOPRIV, StorageType.volatile_);
        }
        Management.SnmpUser user = settings.users().stream()
                .filter(u -> u.name().equals(target.user())).findFirst().orElse(null);
        if (user == null) {
            return false;
        }
        return targetMib.addTargetParams(name, MessageProcessingModel.MPv3, SecurityModel.SECURITY_MODEL_USM,
                new OctetString(user.name()), AccessControl.securityLevel(user), StorageType.volatile_);
    }
}
