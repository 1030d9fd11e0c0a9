package net.multihome.snmp;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.multihome.core.config.Management;
import net.multihome.core.secret.SecretBox;
import net.multihome.netlink.model.IpPrefix;
import org.snmp4j.agent.mo.snmp.CoexistenceInfo;
import org.snmp4j.agent.mo.snmp.CoexistenceInfoProvider;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may read: v2c communities with the source prefixes they may come from, and v3 USM users,
 * handed to USM and the {@link ReadOnlyVacm}. It is also the agent's community provider, so an
 * unknown community, or a source outside the community's prefixes, is dropped without an
 * answer (SNMP4J counts it in snmpInBadCommunityNames or snmpInBadCommunityUses).
 */
final class AccessControl implements CoexistenceInfoProvider {

    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);
    private static final OctetString DEFAULT_CONTEXT = new OctetString();

    private final ReadOnlyVacm vacm;
    private final USM usm;
    private final OctetString contextEngineId;
    /** Opens the passphrases, which the configuration holds only sealed. */
    private final SecretBox secrets;
    private volatile Map<OctetString, CoexistenceInfo> communities = Map.of();
    private volatile Map<OctetString, List<IpPrefix>> sources = Map.of();
    private volatile Map<OctetString, OctetString> notifyCommunities = Map.of();

    AccessControl(ReadOnlyVacm vacm, USM usm, OctetString contextEngineId, SecretBox secrets) {
        this.vacm = vacm;
        this.usm = usm;
        this.contextEngineId = contextEngineId;
        this.secrets = secrets;
    }

    /** The security name a v2c notification target is sent with. */
    static OctetString notifySecurityName(Management.NotificationTarget target) {
        return new OctetString("notify/" + target.name());
    }

    /** The security level a v3 user works at: authPriv when it has a privacy protocol. */
    static int securityLevel(Management.SnmpUser user) {
        return user.priv() == Management.PrivProtocol.NONE ? SecurityLevel.AUTH_NOPRIV : SecurityLevel.AUTH_PRIV;
    }

    /** Replaces communities, users and notification security names with those of {@code settings}. */
    synchronized void apply(Management.Snmp settings) {
        Map<ReadOnlyVacm.Principal, Integer> principals = new HashMap<>();
        Map<OctetString, CoexistenceInfo> newCommunities = new HashMap<>();
        Map<OctetString, List<IpPrefix>> newSources = new HashMap<>();
        for (Management.Community community : settings.communities()) {
            OctetString name = new OctetString(community.name());
            if (community.sources().isEmpty()) {
                LOG.warn("a community without an allowed source prefix answers nobody; add a source");
            }
            newCommunities.put(name, new CoexistenceInfo(name, contextEngineId, DEFAULT_CONTEXT));
            newSources.put(name, community.sources());
            principals.put(new ReadOnlyVacm.Principal(SecurityModel.SECURITY_MODEL_SNMPv2c, name),
                    ReadOnlyVacm.minimumLevel(false, false));
        }

        Map<OctetString, OctetString> newNotify = new HashMap<>();
        for (Management.NotificationTarget target : settings.targets()) {
            if (target.version() == Management.SnmpVersion.V2C && target.community() != null) {
                OctetString securityName = notifySecurityName(target);
                newNotify.put(securityName, new OctetString(target.community()));
                principals.put(new ReadOnlyVacm.Principal(SecurityModel.SECURITY_MODEL_SNMPv2c, securityName),
                        ReadOnlyVacm.minimumLevel(false, false));
            }
        }

        usm.removeAllUsers();
        for (Management.SnmpUser user : settings.users()) {
            OctetString name = new OctetString(user.name());
            boolean priv = user.priv() != Management.PrivProtocol.NONE;
            String auth;
            String privacy;
            try {
                auth = secrets.reveal(user.authPassphrase());
                privacy = priv ? secrets.reveal(user.privPassphrase()) : null;
            } catch (IllegalArgumentException e) {
                LOG.warn("SNMPv3 user {} left out: {}", user.name(), e.getMessage());
                continue;
            }
            usm.addUser(name, new UsmUser(name, authProtocol(user.auth()), new OctetString(auth),
                    priv ? privProtocol(user.priv()) : null, priv ? new OctetString(privacy) : null));
            principals.put(new ReadOnlyVacm.Principal(SecurityModel.SECURITY_MODEL_USM, name),
                    ReadOnlyVacm.minimumLevel(true, priv));
        }

        communities = Map.copyOf(newCommunities);
        sources = Map.copyOf(newSources);
        notifyCommunities = Map.copyOf(newNotify);
        vacm.setPrincipals(principals);
    }

    @Override
    public CoexistenceInfo[] getCoexistenceInfo(OctetString community) {
        CoexistenceInfo info = communities.get(community);
        return info == null ? null : new CoexistenceInfo[] {info};
    }

    @Override
    public OctetString getCommunity(OctetString securityName, OctetString contextEngineID, OctetString contextName) {
        return notifyCommunities.get(securityName);
    }

    @Override
    public boolean passesFilter(Address address, CoexistenceInfo info) {
        if (!(address instanceof IpAddress ip)) {
            return false;
        }
        InetAddress from = ip.getInetAddress();
        List<IpPrefix> allowed = sources.getOrDefault(info.getSecurityName(), List.of());
        return allowed.stream().anyMatch(prefix -> prefix.contains(from));
    }

    private static OID authProtocol(Management.AuthProtocol auth) {
        return switch (auth) {
            case SHA_256 -> AuthHMAC192SHA256.ID;
            case SHA_384 -> AuthHMAC256SHA384.ID;
            case SHA_512 -> AuthHMAC384SHA512.ID;
        };
    }

    private static OID privProtocol(Management.PrivProtocol priv) {
        return switch (priv) {
            case AES_128 -> PrivAES128.ID;
            case AES_256 -> PrivAES256.ID;
            case NONE -> throw new IllegalArgumentException("no privacy protocol");
        };
    }
}
