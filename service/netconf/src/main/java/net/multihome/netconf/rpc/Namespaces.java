package net.multihome.netconf.rpc;

/** XML namespaces and capability URIs of the NETCONF protocol itself. */
public final class Namespaces {
    /** RFC 6241 base XML namespace of hello, rpc, rpc-reply and rpc-error. */
    public static final String BASE = "urn:ietf:params:xml:ns:netconf:base:1.0";
    /** RFC 5277 namespace of notification and eventTime. */
    public static final String NOTIFICATION = "urn:ietf:params:xml:ns:netconf:notification:1.0";
    public static final String CAPABILITY_BASE_1_0 = "urn:ietf:params:netconf:base:1.0";
    public static final String CAPABILITY_BASE_1_1 = "urn:ietf:params:netconf:base:1.1";

    private Namespaces() {
    }
}
