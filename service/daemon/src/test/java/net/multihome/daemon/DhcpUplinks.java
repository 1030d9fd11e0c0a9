package net.multihome.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.multihome.testing.Commands;
import net.multihome.testing.Processes;

/**
 * Real DHCP on a lab's uplinks: Debian's dnsmasq as each ISP's server on wanN, and dhclient on
 * the router run as ifupdown runs it, with the packaged exit hook writing leases where the lab's
 * daemon reads them. The hook is added through {@code -sf} (a wrapper that runs
 * /sbin/dhclient-script, then sources the hook as dhclient-script sources its hook directory),
 * so nothing is installed into the host's /etc/dhcp.
 */
final class DhcpUplinks implements AutoCloseable {

    static final Path HOOK = Path.of("../../packaging/dhcp/dhclient-exit-hook").toAbsolutePath().normalize();

    private final Lab lab;
    private final Path dir;
    private final Path wrapper;
    private final Path netnsEtc;
    private final Map<Integer, Process> servers = new HashMap<>();
    private final Map<String, Process> clients = new HashMap<>();
    private int serverStarts;

    DhcpUplinks(Lab lab, Path dir) throws IOException {
        this.lab = lab;
        this.dir = Files.createDirectories(dir.resolve("dhcp"));
        this.wrapper = this.dir.resolve("dhclient-script");
        Files.writeString(wrapper, """
                #!/bin/sh
                /sbin/dhclient-script "$@"
                exit_status=$?
                . %s
                exit $exit_status
                """.formatted(HOOK));
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        // ip netns exec bind-mounts this over /etc/resolv.conf: dhclient-script writes it, never the host's.
        this.netnsEtc = Path.of("/etc/netns", lab.prefix + "-router");
        Files.createDirectories(netnsEtc);
        Files.writeString(netnsEtc.resolve("resolv.conf"), "");
    }

    Path leaseFile(String interfaceName) {
        return lab.runDir.resolve("leases").resolve(interfaceName + ".dhcp4");
    }

    /** (Re)starts ISP {@code isp}'s DHCP server handing out {@code first}..{@code last} of its /26, with a fresh lease database. */
    void serve(int isp, String first, String last, String router) throws IOException {
        Processes.stop(servers.remove(isp));
        int start = ++serverStarts;
        Path log = dir.resolve("dnsmasq" + isp + "-" + start + ".log");
        servers.put(isp, start(List.of("ip", "netns", "exec", lab.prefix + "-isp" + isp, "dnsmasq", "--no-daemon",
                "--conf-file=/dev/null", "--port=0", "--no-resolv", "--no-hosts", "--pid-file=", "--user=root",
                "--interface=wan" + isp, "--bind-interfaces", "--dhcp-authoritative",
                "--dhcp-leasefile=" + dir.resolve("dnsmasq" + isp + "-" + start + ".leases"),
                "--dhcp-range=" + first + "," + last + ",255.255.255.192,2m",
                "--dhcp-option=option:router," + router), log));
    }

    /**
     * Starts dhclient on the router's {@code interfaceName} as ifupdown does ({@code -4 -v -i -pf
     * -lf -I -df}, plus {@code -d} so the test owns the process); {@code variables} are passed
     * to the script with {@code -e}, as ifupdown passes IF_METRIC.
     */
    void startClient(String interfaceName, Map<String, String> variables) throws IOException {
        Processes.stop(clients.remove(interfaceName));
        clients.put(interfaceName, start(client("-d", interfaceName, variables), logOf(interfaceName)));
    }

    /** {@code dhclient -r}: releases the lease, ends the running client and runs the script with RELEASE. */
    String release(String interfaceName) {
        String output = Commands.run(client("-r", interfaceName, Map.of()), Map.of(), Duration.ofSeconds(30)).orFail();
        Processes.stop(clients.remove(interfaceName));
        return output;
    }

    /** Ends the client without a word to the server or the script, as a crash or reboot would. */
    void kill(String interfaceName) {
        Process client = clients.remove(interfaceName);
        if (client != null) {
            client.destroyForcibly();
            Processes.stop(client);
        }
    }

    String clientLog(String interfaceName) throws IOException {
        Path log = logOf(interfaceName);
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private Path logOf(String interfaceName) {
        return dir.resolve("dhclient-" + interfaceName + ".log");
    }

    /** @param mode {@code -d} to run in the foreground, {@code -r} to release */
    private List<String> client(String mode, String interfaceName, Map<String, String> variables) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", lab.prefix + "-router",
                "dhclient", mode, "-4", "-v", "-i",
                "-pf", dir.resolve("dhclient." + interfaceName + ".pid").toString(),
                "-lf", dir.resolve("dhclient." + interfaceName + ".leases").toString(),
                "-I", "-df", dir.resolve("dhclient6." + interfaceName + ".leases").toString(),
                "-sf", wrapper.toString(),
                "-e", "MULTIHOME_LEASE_DIR=" + lab.runDir.resolve("leases")));
        variables.forEach((name, value) -> command.addAll(List.of("-e", name + "=" + value)));
        command.add(interfaceName);
        return command;
    }

    private static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }



    @Override
    public void close() throws IOException {
        clients.values().forEach(Processes::stop);
        servers.values().forEach(Processes::stop);
        clients.clear();
        servers.clear();
        Files.deleteIfExists(netnsEtc.resolve("resolv.conf"));
        Files.deleteIfExists(netnsEtc);
    }
}
