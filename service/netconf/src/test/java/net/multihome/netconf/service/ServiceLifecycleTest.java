package net.multihome.netconf.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.multihome.core.config.Management;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings changes while the service runs. */
class ServiceLifecycleTest {
    @TempDir
    Path dir;
    private ServiceFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServiceFixture(dir, true);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static Management.Netconf settings(boolean enabled, List<String> users) {
        return new Management.Netconf(enabled, List.of(new Management.Endpoint(InetAddress.getLoopbackAddress(), 0)),
                users.stream().map(u -> new Management.User(u, ServiceFixture.ADMIN_HASH, List.of())).toList(),
                Duration.ofHours(1), 16);
    }

    @Test
    void refusedLoginsAreCounted() throws Exception {
        assertEquals(0, fixture.service.counters().failedLogins());
        assertThrows(IOException.class, () -> new TestClient(fixture.port(), "admin", "wrong").close());
        assertEquals(1, fixture.service.counters().failedLogins());
    }

    @Test
    void newUsersCanLogInWithoutARestart() throws Exception {
        int port = fixture.port();
        assertThrows(IOException.class, () -> new TestClient(port, "bob", "admin").close());
        fixture.service.apply(settings(true, List.of("admin", "bob")));
        assertEquals(port, fixture.port());
        try (TestClient bob = new TestClient(port, "bob", "admin")) {
            assertTrue(bob.rpc(Replies.getConfig("running")).contains("isp1"));
        }
    }

    @Test
    void everyListenEndpointServesTheSameDatastoresAndSessionIds() throws Exception {
        Management.Netconf two = new Management.Netconf(true, List.of(
                new Management.Endpoint(InetAddress.getLoopbackAddress(), 0),
                new Management.Endpoint(InetAddress.ofLiteral("127.0.0.2"), 0)),
                List.of(new Management.User("admin", ServiceFixture.ADMIN_HASH, List.of())), Duration.ofHours(1), 16);
        fixture.service.apply(two);
        List<InetSocketAddress> bound = fixture.service.boundAddresses();
        assertEquals(2, bound.size());
        try (TestClient a = new TestClient(bound.get(0).getPort(), "admin", "admin");
             TestClient b = new TestClient("127.0.0.2", bound.get(1).getPort(), "admin", "admin")) {
            assertNotEquals(a.sessionId, b.sessionId);
            Replies.assertOk(a.rpc("<lock>" + Replies.target("running") + "</lock>"));
            assertEquals("lock-denied", Replies.errorTag(b.rpc("<lock>" + Replies.target("running") + "</lock>")));
        }
    }

    @Test
    void disablingStopsTheListenerAndEnablingStartsItAgain() throws Exception {
        int before = fixture.port();
        fixture.service.apply(settings(false, List.of("admin")));
        assertTrue(fixture.service.boundAddress().isEmpty());
        fixture.service.apply(settings(true, List.of("admin")));
        try (TestClient c = fixture.client()) {
            assertTrue(c.rpc(Replies.getConfig("running")).contains("isp1"));
        }
        assertNotEquals(0, before);
    }
}
