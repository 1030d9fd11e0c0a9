package net.multihome.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.multihome.testing.Await;
import net.multihome.testing.Processes;
import net.multihome.testing.Commands;

/**
 * A point-to-point uplink session shaped as pppd makes one, for kernels without PPP: socat
 * holds a tun device at each end (router {@code ppp-isp2}, ISP {@code ppp0}), carried over UDP
 * on the lab's if2–wan2 link, and each end gets {@code ip addr add LOCAL peer PEER/32} as pppd
 * sets it. The router's interface exists only while the session does, as a ppp unit would.
 */
final class TunnelSession implements AutoCloseable {

    static final String INTERFACE = "ppp-isp2";
    private static final String ROUTER_CARRIER = "203.0.113.66";
    private static final String ISP_CARRIER = "203.0.113.65";

    private final Lab lab;
    private final Path dir;
    private final List<Process> ends = new ArrayList<>();
    private int sessions;

    TunnelSession(Lab lab, Path dir) {
        this.lab = lab;
        this.dir = dir;
        // The Internet host's way back to the ISP's subscriber pool.
        lab.in("inet", "ip", "route", "replace", "100.64.9.0/24", "via", "100.64.2.1");
    }

    /** Brings a session up with the router at {@code local} and the ISP at {@code peer}. */
    void up(String local, String peer) throws IOException {
        down();
        int n = ++sessions;
        ends.add(end("isp2", "ppp0", ISP_CARRIER, ROUTER_CARRIER, n));
        ends.add(end("router", INTERFACE, ROUTER_CARRIER, ISP_CARRIER, n));
        awaitDevice("isp2", "ppp0");
        awaitDevice("router", INTERFACE);
        lab.in("isp2", "ip", "addr", "add", peer, "peer", local + "/32", "dev", "ppp0");
        lab.in("router", "ip", "addr", "add", local, "peer", peer + "/32", "dev", INTERFACE);
    }

    /** Ends the session as a lost carrier or LCP failure does: both interfaces go away. */
    void down() {
        ends.forEach(Processes::stop);
        ends.clear();
    }

    private Process end(String namespace, String device, String bind, String remote, int session) throws IOException {
        return new ProcessBuilder("ip", "netns", "exec", lab.prefix + "-" + namespace, "socat", "-d",
                "TUN,tun-name=" + device + ",iff-up", "UDP-DATAGRAM:" + remote + ":5000,bind=" + bind + ":5000")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("socat-" + namespace + "-" + session + ".log").toFile()))
                .start();
    }

    private void awaitDevice(String namespace, String device) {
        Await.until(device + " in " + namespace, () -> Commands.run(
                List.of("ip", "-n", lab.prefix + "-" + namespace, "link", "show", device), Map.of(),
                Duration.ofSeconds(10)).succeeded());
    }


    @Override
    public void close() {
        down();
    }
}
