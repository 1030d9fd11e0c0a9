package net.multihome.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import net.multihome.core.config.ConfigError;
import net.multihome.core.config.InvalidConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * {@code multihome daemon}: runs the service in the current network namespace until SIGTERM
 * or SIGINT (clean stop, kernel state kept); SIGHUP reloads startup.xml.
 */
final class DaemonCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonCommand.class);

    @Override
    public String usage() {
        return DaemonOptions.USAGE;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        DaemonOptions options;
        try {
            options = DaemonOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("multihome daemon: " + e.getMessage() + " (see multihome daemon --help)");
            return 2;
        }
        String missing = missingCapability();
        if (missing != null) {
            err.println("multihome daemon: " + missing);
            return 1;
        }
        // Handlers first: a signal during start-up must not hit the JVM's defaults (SIGHUP exits).
        CountDownLatch stop = new CountDownLatch(1);
        AtomicReference<Service> running = new AtomicReference<>();
        Signal.handle(new Signal("HUP"), signal -> {
            Service started = running.get();
            if (started != null) {
                started.reload();
            }
        });
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        ServiceManager manager = ServiceManager.fromEnvironment(System.getenv());
        Service service;
        try {
            service = Service.start(options, manager);
        } catch (InvalidConfigException e) {
            err.println("multihome daemon: the configuration is invalid:");
            for (ConfigError error : e.errors()) {
                err.println("  " + error.path() + ": " + error.message());
            }
            manager.close();
            return 1;
        } catch (IOException e) {
            err.println("multihome daemon: " + e);
            manager.close();
            return 1;
        }
        running.set(service);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        service.close();
        manager.close();
        return 0;
    }

    /**
     * Null when the effective set holds CAP_NET_ADMIN, else the one line that says what is
     * missing. The other two the unit grants only matter for some configurations: a warning.
     */
    private static String missingCapability() {
        long effective;
        try {
            effective = Capability.effective();
        } catch (IOException | IllegalArgumentException e) {
            return "cannot read the capabilities in /proc/self/status: " + e.getMessage();
        }
        if (!Capability.CAP_NET_ADMIN.in(effective)) {
            return "missing capability CAP_NET_ADMIN (needed to change routes, rules and nexthops):"
                    + " run as root or grant it, as multihome.service does with AmbientCapabilities";
        }
        for (Capability optional : new Capability[] {Capability.CAP_NET_RAW, Capability.CAP_NET_BIND_SERVICE}) {
            if (!optional.in(effective)) {
                LOG.warn("running without {}: {} will fail", optional, optional.without());
            }
        }
        return null;
    }
}
