package net.multihome.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import net.multihome.core.config.ConfigError;
import net.multihome.core.config.InvalidConfigException;
import sun.misc.Signal;

/**
 * {@code multihome daemon}: runs the service in the current network namespace until SIGTERM
 * or SIGINT (clean stop, kernel state kept); SIGHUP reloads startup.xml.
 */
final class DaemonCommand implements Command {

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
        Service service;
        try {
            service = Service.start(options);
        } catch (InvalidConfigException e) {
            err.println("multihome daemon: the configuration is invalid:");
            for (ConfigError error : e.errors()) {
                err.println("  " + error.path() + ": " + error.message());
            }
            return 1;
        } catch (IOException e) {
            err.println("multihome daemon: " + e);
            return 1;
        }
        running.set(service);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        service.close();
        return 0;
    }
}
