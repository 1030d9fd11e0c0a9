/** The multihome daemon and its command line: wires core, NETCONF and SNMP together; exports nothing. */
module net.multihome.daemon {
    requires net.multihome.core;
    requires net.multihome.netconf;
    requires net.multihome.snmp;
    requires io.netty.buffer;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport.classes.epoll;
    requires io.netty.transport.unix.common;
    requires io.netty.transport;
    requires io.prometheus.metrics.model;
    requires io.prometheus.writer.text;
    requires jdk.management;
    requires jdk.unsupported;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;

    provides ch.qos.logback.classic.spi.Configurator with net.multihome.daemon.logging.LogConfiguration;
}
