/** Configuration, health, planner, reconciler, status and the YANG model: the daemon's protocol-neutral core. */
module net.multihome.core {
    requires transitive net.multihome.netlink;
    requires transitive java.xml;
    requires transitive org.opendaylight.yangtools.yang.common;
    requires transitive org.opendaylight.yangtools.yang.data.api;
    requires transitive org.opendaylight.yangtools.yang.model.api;
    requires org.opendaylight.yangtools.yang.data.codec.xml;
    requires org.opendaylight.yangtools.yang.data.impl;
    requires org.opendaylight.yangtools.yang.data.spi;
    requires org.opendaylight.yangtools.yang.ir;
    requires org.opendaylight.yangtools.yang.model.spi;
    requires org.opendaylight.yangtools.yang.model.util;
    requires org.opendaylight.yangtools.yang.parser.api;
    requires org.opendaylight.yangtools.yang.parser.impl;
    requires org.opendaylight.yangtools.yang.parser.rfc7950;
    requires org.slf4j;

    exports net.multihome.core.config;
    exports net.multihome.core.health;
    exports net.multihome.core.lease;
    exports net.multihome.core.pair;
    exports net.multihome.core.plan;
    exports net.multihome.core.reconcile;
    exports net.multihome.core.secret;
    exports net.multihome.core.status;
    exports net.multihome.core.store;
    exports net.multihome.core.sync;
    exports net.multihome.core.time;
    exports net.multihome.core.util;
    exports net.multihome.core.yang;
}
