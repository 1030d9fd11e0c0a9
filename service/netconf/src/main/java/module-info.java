/** The NETCONF server (RFC 6241/6242) over SSH; the daemon uses its service and the ports it implements. */
module net.multihome.netconf {
    requires transitive net.multihome.core;
    requires jdk.net;
    requires org.apache.sshd.osgi;
    requires org.opendaylight.yangtools.yang.data.spi;
    requires org.slf4j;

    exports net.multihome.netconf.port;
    exports net.multihome.netconf.service;
    exports net.multihome.netconf.sync;
}
