package net.multihome.core.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Invalid configurations, each the seed example with one mistake, with the instance path
 * and message the refusal must carry. Shared with the {@code multihome validate} tests.
 */
public final class InvalidConfigs {

    private static final String ISP1 = "/mh:multihome/mh:provider[mh:name='isp1']";
    private static final String ISP2 = "/mh:multihome/mh:provider[mh:name='isp2']";

    private InvalidConfigs() {
    }

    /** Arguments: name, XML, expected path, expected message fragment. */
    public static Stream<Arguments> cases() {
        return Stream.of(
                edit("gateway outside the network", "<gateway>203.0.113.1</gateway>", "<gateway>203.0.113.70</gateway>",
                        ISP1 + "/mh:ipv4/mh:gateway", "outside the provider's network 203.0.113.0/26"),
                edit("gateway is own address", "<gateway>203.0.113.1</gateway>", "<gateway>203.0.113.2</gateway>",
                        ISP1 + "/mh:ipv4/mh:gateway", "router's own address"),
                edit("gateway is the network address", "<gateway>203.0.113.1</gateway>", "<gateway>203.0.113.0</gateway>",
                        ISP1 + "/mh:ipv4/mh:gateway", "network or broadcast address"),
                edit("duplicate table id", "<table>102</table>", "<table>101</table>",
                        ISP2 + "/mh:table", "table 101 is already used by provider isp1"),
                edit("duplicate table name", "<table-name>T2</table-name>", "<table-name>T1</table-name>",
                        ISP2 + "/mh:table-name", "already used by provider isp1"),
                edit("kernel table name", "<table-name>T2</table-name>", "<table-name>main</table-name>",
                        ISP2 + "/mh:table-name", "belongs to the kernel"),
                edit("provider table is the default route's", "<table>102</table>", "<table>4200</table>",
                        ISP2 + "/mh:table", "table 4200 holds the default route (balancing/default-route/table)"),
                edit("provider table name is the default route's", "<table-name>T2</table-name>",
                        "<table-name>multihome</table-name>", ISP2 + "/mh:table-name", "names the default route's table"),
                edit("kernel table id", "<table>102</table>", "<table>254</table>",
                        ISP2 + "/mh:table", "not in required ranges"),
                edit("weight zero", "<weight>5</weight>", "<weight>0</weight>",
                        ISP1 + "/mh:weight", "not in required ranges"),
                edit("weight above 256", "<weight>5</weight>", "<weight>300</weight>",
                        ISP1 + "/mh:weight", "not in required ranges"),
                edit("bad provider name", "<name>isp2</name>", "<name>2isp</name>",
                        "/mh:multihome/mh:provider[mh:name='2isp']/mh:name", "does not match"),
                edit("unknown mode", "<mode>load-balance</mode>", "<mode>round-robin</mode>",
                        "/mh:multihome/mh:balancing/mh:mode", "round-robin"),
                edit("address not IPv4", "<address>203.0.113.2</address>", "<address>203.0.113</address>",
                        ISP1 + "/mh:ipv4/mh:address", "not an IP address"),
                edit("unknown element", "<weight>5</weight>", "<weight>5</weight><bandwidth>10</bandwidth>",
                        ISP1 + "/mh:bandwidth", "unknown element <bandwidth>"),
                edit("state data in config", "<weight>5</weight>", "<weight>5</weight><oper-status>up</oper-status>",
                        ISP1 + "/mh:oper-status", "state data"),
                edit("shared interface and address", "<interface>if2</interface>\n      <ipv4>\n        <address>203.0.113.66</address>",
                        "<interface>if1</interface>\n      <ipv4>\n        <address>203.0.113.2</address>",
                        ISP2 + "/mh:ipv4/mh:address", "already uses interface if1 with address 203.0.113.2"),
                edit("missing interface", "<interface>if2</interface>", "",
                        ISP2 + "/mh:interface", "'interface' is required"),
                edit("missing table", "<table>102</table>", "",
                        ISP2 + "/mh:table", "'table' is required"),
                edit("address without prefix length", "<prefix-length>26</prefix-length>\n        <gateway>203.0.113.1</gateway>",
                        "<gateway>203.0.113.1</gateway>",
                        ISP1 + "/mh:ipv4/mh:prefix-length", "needs its prefix-length"),
                edit("local network with host bits", "<prefix>198.51.100.0/26</prefix>", "<prefix>198.51.100.7/26</prefix>",
                        "/mh:multihome/mh:local-network[mh:prefix='198.51.100.7/26']/mh:prefix", "host bits set"),
                edit("local network on an uplink", "<interface>eth0</interface>", "<interface>if1</interface>",
                        "/mh:multihome/mh:local-network[mh:prefix='198.51.100.0/26']/mh:interface", "isp1's uplink"),
                edit("local network overlaps a provider", "<prefix>198.51.100.0/26</prefix>", "<prefix>203.0.113.0/24</prefix>",
                        "/mh:multihome/mh:local-network[mh:prefix='203.0.113.0/24']/mh:prefix", "overlaps provider isp1"),
                edit("reliability above targets", "<weight>5</weight>\n      <health-check>",
                        "<weight>5</weight>\n      <health-check>\n        <reliability>2</reliability>",
                        ISP1 + "/mh:health-check/mh:reliability", "more answering targets than the 1"),
                edit("tcp target without port", "<address>192.0.2.1</address>\n        </target>\n      </health-check>\n    </provider>\n  </multihome>",
                        "<address>192.0.2.1</address><method>tcp</method>\n        </target>\n      </health-check>\n    </provider>\n  </multihome>",
                        ISP2 + "/mh:health-check/mh:target[mh:address='192.0.2.1']/mh:port", "method tcp needs a port"),
                edit("policy names a missing provider", "</multihome>",
                        "<policy><name>web</name><priority>10</priority><provider>isp9</provider></policy></multihome>",
                        "/mh:multihome/mh:policy[mh:name='web']/mh:provider", "no provider is named 'isp9'"),
                edit("policy ports without protocol", "</multihome>",
                        "<policy><name>web</name><priority>10</priority><match><destination-port><start>443</start></destination-port></match><provider>isp1</provider></policy></multihome>",
                        "/mh:multihome/mh:policy[mh:name='web']/mh:match/mh:protocol", "needs protocol"),
                edit("duplicate policy priority", "</multihome>",
                        "<policy><name>a</name><priority>10</priority><balanced/></policy><policy><name>b</name><priority>10</priority><balanced/></policy></multihome>",
                        "/mh:multihome/mh:policy[mh:name='b']/mh:priority", "already used by policy a"),
                edit("custom hash without fields", "<hash-policy>l4</hash-policy>", "<hash-policy>custom</hash-policy>",
                        "/mh:multihome/mh:balancing/mh:hash-field", "needs at least one hash-field"),
                edit("snat without an address", "<weight>5</weight>", "<weight>5</weight><nat><mode>snat</mode></nat>",
                        ISP1 + "/mh:nat/mh:address", "nat mode snat needs the address to translate to"),
                edit("snat address off the uplink", "<weight>5</weight>",
                        "<weight>5</weight><nat><mode>snat</mode><address>192.0.2.9</address></nat>",
                        ISP1 + "/mh:nat/mh:address", "snat address 192.0.2.9 is not on the uplink's network 203.0.113.0/26"),
                edit("address with masquerade", "<weight>5</weight>",
                        "<weight>5</weight><nat><address>203.0.113.9</address></nat>",
                        ISP1 + "/mh:nat/mh:address", "address is only used with nat mode snat, not masquerade"),
                edit("forward to no local network", "</multihome>", FORWARD.formatted("web", "8080", "10.9.9.9")
                        + "</multihome>", "/mh:multihome/mh:port-forward[mh:name='web']/mh:to-address",
                        "to-address 10.9.9.9 is in no local network"),
                edit("overlapping forwards", "</multihome>", FORWARD.formatted("web", "8080", "198.51.100.10")
                        + FORWARD.formatted("web2", "8080", "198.51.100.11") + "</multihome>",
                        "/mh:multihome/mh:port-forward[mh:name='web2']/mh:port",
                        "port-forward web already forwards tcp port 8080 of provider isp2"),
                edit("providers' marks collide", "<interface>eth0</interface>\n    </local-network>",
                        "<interface>eth0</interface><translate>true</translate></local-network>",
                        "<table>102</table>", "<table>357</table>",
                        ISP2 + "/mh:table", "low 8 bits: table 357 shares them with provider isp1's table"),
                edit("sticky without translation", "</multihome>", "<policy><name>lan</name><priority>5</priority>"
                        + "<sticky>true</sticky><balanced/></policy></multihome>",
                        "/mh:multihome/mh:policy[mh:name='lan']/mh:sticky",
                        "sticky needs translation on (a local network with translate)"),
                edit("DTD is refused", "<config ", "<!DOCTYPE config [<!ENTITY x \"y\">]><config ",
                        "/", "DOCTYPE"));
    }

    private static final String FORWARD = "<port-forward><name>%s</name><provider>isp2</provider>"
            + "<protocol>tcp</protocol><port>%s</port><to-address>%s</to-address></port-forward>";

    private static Arguments edit(String name, String from, String to, String from2, String to2, String path,
            String message) {
        Arguments first = edit(name, from, to, path, message);
        String xml = (String) first.get()[1];
        if (!xml.contains(from2)) {
            throw new IllegalArgumentException(name + ": the example does not contain " + from2);
        }
        return Arguments.of(name, xml.replace(from2, to2), path, message);
    }

    private static Arguments edit(String name, String from, String to, String path, String message) {
        String xml = Examples.seedProviders();
        if (!xml.contains(from)) {
            throw new IllegalArgumentException(name + ": the example does not contain " + from);
        }
        return Arguments.of(name, xml.replaceFirst(Pattern.quote(from),
                Matcher.quoteReplacement(to)), path, message);
    }
}
