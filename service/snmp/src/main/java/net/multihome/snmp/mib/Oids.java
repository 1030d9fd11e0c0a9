package net.multihome.snmp.mib;

import org.snmp4j.smi.OID;

/** Object identifiers of the MIB objects the agent serves. */
public final class Oids {

    /**
     * The enterprise arc of MULTIHOME-MIB: 32473 is the documentation enterprise number of
     * RFC 5612, a placeholder until the project has its own private enterprise number. This is
     * the only place in the code that names it.
     */
    public static final OID ENTERPRISE = new OID("1.3.6.1.4.1.32473");

    public static final OID NOTIFICATIONS = child(ENTERPRISE, 0);
    public static final OID OBJECTS = child(ENTERPRISE, 1);
    /** sysObjectID of a multihome router: multihomeProducts.multihomeRouter. */
    public static final OID SYS_OBJECT_ID = child(ENTERPRISE, 3, 1);

    public static final OID GENERAL = child(OBJECTS, 1);
    public static final OID PROVIDER_ENTRY = child(OBJECTS, 2, 1);
    public static final OID TARGET_ENTRY = child(OBJECTS, 3, 1);
    /** inetCidrRoutePolicy of the routes in routing table T: ROUTING_TABLES.T. */
    public static final OID ROUTING_TABLES = child(OBJECTS, 4);
    public static final OID REDUNDANCY = child(OBJECTS, 5);
    /** mhRedundancy scalars carried by mhVrrpStateChange. */
    public static final OID VRRP_STATE = child(REDUNDANCY, 1, 0);
    public static final OID VRRP_VIRTUAL_ROUTER_ID = child(REDUNDANCY, 3, 0);

    public static final OID PROVIDER_DOWN = child(NOTIFICATIONS, 1);
    public static final OID PROVIDER_UP = child(NOTIFICATIONS, 2);
    public static final OID PROVIDER_DEGRADED = child(NOTIFICATIONS, 3);
    public static final OID VRRP_STATE_CHANGE = child(NOTIFICATIONS, 4);

    /** mhProviderEntry columns carried by the provider notifications. */
    public static final int COL_PROVIDER_NAME = 2;
    public static final int COL_PROVIDER_OPER_STATUS = 9;
    public static final int COL_PROVIDER_REASON = 10;

    /** IF-MIB: the interfaces group (ifNumber, ifTable) and ifXTable. */
    public static final OID INTERFACES = new OID("1.3.6.1.2.1.2");
    public static final OID IF_NUMBER = child(INTERFACES, 1, 0);
    public static final OID IF_ENTRY = child(INTERFACES, 2, 1);
    public static final OID IF_X_TABLE = new OID("1.3.6.1.2.1.31.1.1");
    public static final OID IF_X_ENTRY = child(IF_X_TABLE, 1);

    /** IP-FORWARD-MIB ipForward: inetCidrRouteNumber (6) and inetCidrRouteTable (7). */
    public static final OID IP_FORWARD = new OID("1.3.6.1.2.1.4.24");

    private Oids() {
    }

    /** {@code base} followed by {@code arcs}. */
    public static OID child(OID base, int... arcs) {
        OID oid = new OID(base);
        for (int arc : arcs) {
            oid.append(arc);
        }
        return oid;
    }
}
