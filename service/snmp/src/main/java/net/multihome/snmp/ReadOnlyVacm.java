package net.multihome.snmp;

import java.util.List;
import java.util.Map;
import net.multihome.snmp.mib.Oids;
import org.snmp4j.agent.security.VACM;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/**
 * The agent's view-based access control, fixed by design: every known security name may read
 * one view and be sent every notification, none may write. It replaces SNMP4J's table-driven
 * VACM-MIB, whose per-varbind view lookups cost a fifth of a bulk walk, with prefix checks.
 */
final class ReadOnlyVacm implements VACM {

    static final OctetString READ_VIEW = new OctetString("mh-read");
    static final OctetString NOTIFY_VIEW = new OctetString("mh-notify");

    /** What a read-only manager sees: no USM, VACM, target or SNMP4J tables. */
    private static final List<OID> READ_SUBTREES = List.of(
            new OID("1.3.6.1.2.1.1"),        // system
            new OID("1.3.6.1.2.1.2"),        // interfaces
            new OID("1.3.6.1.2.1.4.24"),     // ipForward
            new OID("1.3.6.1.2.1.11"),       // snmp
            new OID("1.3.6.1.2.1.31"),       // ifMIB
            new OID("1.3.6.1.6.3.10.2.1"),   // snmpEngine
            Oids.ENTERPRISE);

    /** A security name under a security model. */
    record Principal(int securityModel, OctetString securityName) {
    }

    private volatile Map<Principal, Integer> minimumLevels = Map.of();

    /** Replaces who may read, each with the lowest security level it must use. */
    void setPrincipals(Map<Principal, Integer> minimumLevels) {
        this.minimumLevels = Map.copyOf(minimumLevels);
    }

    @Override
    public int isAccessAllowed(OctetString context, OctetString securityName, int securityModel, int securityLevel,
            int viewType, OID oid) {
        OctetString view = getViewName(context, securityName, securityModel, securityLevel, viewType);
        return view == null ? VACM_NO_ACCESS_ENTRY : isAccessAllowed(view, oid);
    }

    @Override
    public int isAccessAllowed(OctetString viewName, OID oid) {
        if (NOTIFY_VIEW.equals(viewName)) {
            return VACM_OK;
        }
        if (!READ_VIEW.equals(viewName)) {
            return VACM_NO_SUCH_VIEW;
        }
        for (OID subtree : READ_SUBTREES) {
            if (oid.startsWith(subtree)) {
                return VACM_OK;
            }
        }
        return VACM_NOT_IN_VIEW;
    }

    @Override
    public OctetString getViewName(OctetString context, OctetString securityName, int securityModel,
            int securityLevel, int viewType) {
        if (!hasContext(context)) {
            return null;
        }
        Integer minimum = minimumLevels.get(new Principal(securityModel, securityName));
        if (minimum == null || securityLevel < minimum) {
            return null;
        }
        return switch (viewType) {
            case VIEW_READ -> READ_VIEW;
            case VIEW_NOTIFY -> NOTIFY_VIEW;
            default -> null;
        };
    }

    @Override
    public boolean hasContext(OctetString context) {
        return context == null || context.length() == 0;
    }

    static int minimumLevel(boolean v3, boolean privacy) {
        if (!v3) {
            return SecurityLevel.NOAUTH_NOPRIV;
        }
        return privacy ? SecurityLevel.AUTH_PRIV : SecurityLevel.AUTH_NOPRIV;
    }
}
