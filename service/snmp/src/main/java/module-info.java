/** The SNMP agent: our MIB, system and IF-MIB from status snapshots, and provider and VRRP traps. */
module net.multihome.snmp {
    requires transitive net.multihome.core;
    requires org.snmp4j;
    requires org.snmp4j.agent;
    requires org.slf4j;

    exports net.multihome.snmp;
}
