package net.multihome.core.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.Examples;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Document;

class ConfigXmlTest {

    private static final YangSchema SCHEMA = YangSchema.load();
    private static final ConfigXml XML = new ConfigXml(SCHEMA);
    private static final ConfigLoader LOADER = new ConfigLoader(SCHEMA);

    /** Every kind of value the model has: strings, unions, enumerations, integers, booleans, decimal64, empty. */
    private static final String EVERY_VALUE_TYPE = """
            <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
              <multihome xmlns="urn:multihome:yang:multihome">
                <balancing><hash-policy>custom</hash-policy><hash-field>source-ip</hash-field>
                  <hash-field>destination-port</hash-field></balancing>
                <provider><name>isp1</name><interface>wan1</interface>
                  <ipv4><address>192.0.2.2</address><prefix-length>24</prefix-length><gateway>192.0.2.1</gateway></ipv4>
                  <ipv6><address>2001:db8::2</address><prefix-length>64</prefix-length><gateway>2001:db8::1</gateway></ipv6>
                  <table>101</table><weight>3</weight>
                  <health-check><target><address>198.51.100.7</address></target>
                    <degraded><loss-threshold>12.5</loss-threshold><keep-in-default-route>false</keep-in-default-route></degraded>
                  </health-check></provider>
                <policy><name>web</name><priority>10</priority>
                  <match><source-prefix>10.0.0.0/8</source-prefix><destination-prefix>2001:db8:1::/48</destination-prefix>
                    <protocol>6</protocol><destination-port><start>443</start></destination-port></match>
                  <provider>isp1</provider><when-down>drop</when-down></policy>
                <policy><name>rest</name><priority>20</priority><balanced/></policy>
              </multihome>
            </config>
            """;

    @Test
    void writtenConfigurationParsesBackToTheSameData() throws Exception {
        for (String text : new String[] {EVERY_VALUE_TYPE, Examples.seedProviders(), Examples.seedManagement()}) {
            ContainerNode data = parse(text);
            assertEquals(data, parse(XML.toConfigDocument(data)));
            Document document = DocumentBuilderFactory.newNSInstance().newDocumentBuilder().newDocument();
            XML.writeInto(data, document);
            assertEquals(data, LOADER.parseData(document.getDocumentElement()));
        }
    }

    @Test
    void emptyLeafIsWrittenWithoutText() throws Exception {
        String written = XML.toConfigDocument(parse(EVERY_VALUE_TYPE));
        assertTrue(written.matches("(?s).*<balanced(/>|></balanced>).*"), written);
        assertTrue(written.contains("<loss-threshold>12.5</loss-threshold>"), written);
    }

    private static ContainerNode parse(String text) throws Exception {
        return LOADER.parseData(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
