package net.multihome.snmp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.multihome.core.config.Management;
import net.multihome.core.status.ProviderEvents;
import net.multihome.core.status.StatusSource;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.snmp.SnmpAgent;
import net.multihome.snmp.testing.FakeStatus;

/**
 * Runs the agent until stdin closes: {@code BenchAgent PORT STATE_DIR [fake]}, on 127.0.0.1,
 * v2c community {@code public} from 127.0.0.0/8 and v3 user {@code anchorv3}
 * (SHA-256/AES-128, the passphrases of /work/shared/bench/snmpd-up.sh); links read over
 * netlink every second in the namespace it runs in, as the daemon reads them, or the test
 * router with {@code fake}.
 */
public final class BenchAgent {

    private BenchAgent() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path state = Files.createDirectories(Path.of(args[1]));
        boolean fake = args.length > 2 && args[2].equals("fake");
        try (NetlinkStatusSource links = fake ? null : new NetlinkStatusSource()) {
            run(port, state, fake ? new FakeStatus() : links);
        }
    }

    private static void run(int port, Path state, StatusSource source) throws Exception {
        Management.Snmp settings = new Management.Snmp(true,
                List.of(new Management.Endpoint(FakeStatus.ip("127.0.0.1"), port)),
                List.of(new Management.Community("public", List.of(IpPrefix.parse("127.0.0.0/8")))),
                List.of(new Management.SnmpUser("anchorv3", Management.AuthProtocol.SHA_256, "anchor-auth-pass",
                        Management.PrivProtocol.AES_128, "anchor-priv-pass")),
                List.of(), "noc@example.invalid", "bench");
        int workers = Integer.parseInt(System.getProperty("workers", "0"));
        try (SnmpAgent agent = SnmpAgent.builder().stateDirectory(state).statusSource(source)
                .events(new ProviderEvents()).settings(settings).workerThreads(workers)
                .maxRepetitions(Integer.parseInt(System.getProperty("maxRepetitions", "20"))).build()) {
            agent.start();
            System.out.println("READY " + agent.boundAddresses());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until stdin is closed
            }
        }
    }
}
