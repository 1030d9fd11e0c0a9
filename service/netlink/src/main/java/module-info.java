/**
 * Netlink sockets through FFM: requests, dumps, batches and the monitor, with the kernel's object
 * model; ctnetlink for conntrack entries.
 */
module net.multihome.netlink {
    requires org.slf4j;

    exports net.multihome.netlink;
    exports net.multihome.netlink.conntrack;
    exports net.multihome.netlink.model;
    exports net.multihome.netlink.nft;
    exports net.multihome.netlink.socket;
}
