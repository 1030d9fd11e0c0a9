package net.multihome.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import net.multihome.core.yang.YangSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

    private static final ConfigLoader LOADER = new ConfigLoader(YangSchema.load());

    private static MultihomeConfig load(String xml) throws Exception {
        return LOADER.load(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void seedProvidersAreAcceptedAsWritten() throws Exception {
        MultihomeConfig config = load(Examples.seedProviders());
        assertEquals(2, config.providers().size());
        Provider isp1 = config.providers().getFirst();
        assertEquals("isp1", isp1.name());
        assertEquals(101, isp1.table());
        assertEquals("T1", isp1.tableName());
        assertEquals(5, isp1.weight());
        assertEquals("203.0.113.1", isp1.ipv4().gateway().getHostAddress());
        assertEquals(Balancing.Mode.LOAD_BALANCE, config.balancing().mode());
        assertEquals(Balancing.DefaultRouteKind.RESILIENT, config.balancing().defaultRouteKind());
        assertEquals("198.51.100.0/26", config.localNetworks().getFirst().prefix().toString());
    }

    @Test
    void seedManagementIsAcceptedAsWritten() throws Exception {
        Management management = load(Examples.seedManagement()).management();
        assertEquals("admin", management.netconf().users().getFirst().name());
        assertEquals(830, management.netconf().listen().getFirst().port());
        assertEquals("public", management.snmp().communities().getFirst().name());
        assertEquals(162, management.snmp().targets().getFirst().port());
        assertEquals(9813, management.metrics().listen().getFirst().port());
    }

    @Test
    void emptyConfigIsTheEmptyModel() throws Exception {
        assertEquals(MultihomeConfig.empty(), load("<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"/>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.multihome.core.config.InvalidConfigs#cases")
    void invalidConfigIsRefusedWithPathAndMessage(String name, String xml, String path, String message) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> load(xml));
        assertTrue(e.errors().stream().anyMatch(error -> error.path().equals(path) && error.message().contains(message)),
                () -> "expected " + path + ": ..." + message + "... among " + e.errors());
    }
}
