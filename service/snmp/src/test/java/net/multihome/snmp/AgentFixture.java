package net.multihome.snmp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.multihome.core.config.Management;
import net.multihome.core.status.ProviderEvents;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.snmp.testing.FakeStatus;
import net.multihome.snmp.testing.FakeVrrp;
import net.multihome.snmp.testing.Tools;

/** A started agent on 127.0.0.1 with a fake status, and net-snmp client calls against it. */
final class AgentFixture implements AutoCloseable {

    static final String COMMUNITY = "mh-public";
    static final String USER = "mhv3";
    static final String AUTH_PASS = "mh-auth-pass-1";
    static final String PRIV_PASS = "mh-priv-pass-1";
    static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

    final Path state;
    final FakeStatus status = new FakeStatus();
    final ProviderEvents events = new ProviderEvents();
    final FakeVrrp vrrp = new FakeVrrp();
    final SnmpAgent agent;
    /** The agent's port; a test that moves the socket sets it back. */
    int port;

    AgentFixture(Path state, List<Management.NotificationTarget> targets) throws IOException {
        this.state = state;
        this.agent = SnmpAgent.builder().stateDirectory(state.resolve("agent")).statusSource(status).events(events)
                .vrrp(vrrp).settings(settings(List.of(IpPrefix.parse("127.0.0.0/8")), targets)).version("test").build();
        try {
            agent.start();
        } catch (IOException | RuntimeException e) {
            agent.close();
            throw e;
        }
        InetSocketAddress bound = agent.boundAddresses().get(0);
        this.port = bound.getPort();
        Files.createDirectories(state.resolve("client"));
    }

    static Management.Snmp settings(List<IpPrefix> sources, List<Management.NotificationTarget> targets) {
        return new Management.Snmp(true,
                List.of(new Management.Endpoint(FakeStatus.ip("127.0.0.1"), 0)),
                List.of(new Management.Community(COMMUNITY, sources)),
                List.of(new Management.SnmpUser(USER, Management.AuthProtocol.SHA_256, AUTH_PASS,
                                Management.PrivProtocol.AES_128, PRIV_PASS),
                        new Management.SnmpUser("mhv3strong", Management.AuthProtocol.SHA_512, AUTH_PASS,
                                Management.PrivProtocol.AES_256, PRIV_PASS)),
                targets, "noc@example.invalid", "lab rack 1");
    }

    String target() {
        return target(port);
    }

    private static String target(int port) {
        return "udp:127.0.0.1:" + port;
    }

    static List<String> v2c() {
        return List.of("-v2c", "-c", COMMUNITY);
    }

    static List<String> v3(String user, String auth, String authPass, String priv, String privPass) {
        return List.of("-v3", "-l", "authPriv", "-u", user, "-a", auth, "-A", authPass, "-x", priv, "-X", privPass);
    }

    /** Runs a net-snmp client with numeric OIDs, a short timeout and no retry, against the agent. */
    Tools.Result snmp(String tool, List<String> auth, String... oids) throws Exception {
        return run(tool, auth, target(), oids);
    }

    /** Like {@link #snmp} with snmpget against another port. */
    Tools.Result snmpAt(int otherPort, List<String> auth, String... oids) throws Exception {
        return run("snmpget", auth, target(otherPort), oids);
    }

    private Tools.Result run(String tool, List<String> auth, String target, String... oids) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Tools.require(tool, "snmp"));
        command.addAll(auth);
        command.addAll(List.of("-On", "-t", "1", "-r", "0", target));
        command.addAll(List.of(oids));
        return Tools.run(command, Map.of("MIBS", "", "SNMP_PERSISTENT_DIR", state.resolve("client").toString()),
                TOOL_TIMEOUT);
    }

    @Override
    public void close() {
        agent.close();
    }
}
