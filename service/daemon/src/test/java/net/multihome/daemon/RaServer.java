package net.multihome.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.multihome.testing.Processes;

/**
 * dnsmasq sending router advertisements (SLAAC, no DHCP) on one ISP's side of an uplink, a
 * child process of the test: the prefixes it announces follow the addresses of that interface.
 */
final class RaServer implements AutoCloseable {

    private final Process process;
    private final Path log;

    private RaServer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param routerLifetime seconds the router may be used as a default; 0 announces prefixes
     *     but withdraws the router
     */
    static RaServer start(Lab lab, String namespace, String device, Path dir, int routerLifetime) {
        Path log = dir.resolve("dnsmasq-" + device + ".log");
        List<String> command = List.of("ip", "netns", "exec", lab.prefix + "-" + namespace, "dnsmasq",
                "--no-daemon", "--conf-file=/dev/null", "--port=0", "--no-resolv", "--no-hosts", "--pid-file=",
                "--user=root", "--dhcp-leasefile=" + dir.resolve("dnsmasq-" + device + ".leases"),
                "--interface=" + device, "--bind-interfaces", "--enable-ra",
                // The shortest lifetimes dnsmasq allows, and an advertisement every few seconds.
                "--dhcp-range=::,constructor:" + device + ",ra-only,64,2m",
                "--ra-param=" + device + ",3," + routerLifetime);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            return new RaServer(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dnsmasq on " + device, e);
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no dnsmasq log: " + e + ")";
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
