package net.multihome.snmp;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import net.multihome.core.config.Management;
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
 * entry per receiver, linked by a tag of its own so each can be a trap or an inform.
 */
final class NotificationTargets {

    /** Inform retransmission: timeout in centiseconds, and retries. */
    private static final int TIMEOUT_CENTISECONDS = 100;
    private static final int RETRIES = 2;

    private final SnmpTargetMIB targetMib;
    private final SnmpNotificationMIB notificationMib;
    private final List<OctetString> installed = new ArrayList<>();

    NotificationTargets(SnmpTargetMIB targetMib, SnmpNotificationMIB notificationMib) {
        this.targetMib = targetMib;
        this.notificationMib = notificationMib;
    }

    /** Replaces the receivers with those of {@code settings}; v3 users must already be known. */
    synchronized void apply(Management.Snmp settings) {
        for (OctetString name : installed) {
            notificationMib.removeNotifyEntry(name);
            targetMib.removeTargetAddress(name);
            targetMib.removeTargetParams(name);
        }
        installed.clear();
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
            notificationMib.addNotifyEntry(name, name,
                    target.type() == Management.NotificationType.INFORM ? SnmpNotificationMIB.SnmpNotifyTypeEnum.inform
                            : SnmpNotificationMIB.SnmpNotifyTypeEnum.trap,
                    StorageType.volatile_);
            installed.add(name);
        }
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
