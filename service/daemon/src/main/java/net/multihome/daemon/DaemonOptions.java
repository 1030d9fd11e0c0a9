package net.multihome.daemon;

import java.nio.file.Path;
import java.time.Duration;
import net.multihome.core.plan.OwnerTag;
import net.multihome.core.reconcile.TableNamesFile;

/**
 * Options of {@code multihome daemon}.
 *
 * @param stateDirectory holds startup.xml (and later host keys, engine ids)
 * @param factoryConfig copied to startup.xml when that is missing; null to start empty
 * @param runtimeDirectory holds the status socket
 * @param leaseDirectory where DHCP client hooks write leases ({@code <runtime dir>/leases} unless given)
 * @param tableNames the rt_tables.d file to write
 * @param owner the protocol number that tags our kernel objects
 * @param safetyInterval time between passes when nothing triggers one
 * @param vrrpNotify keepalived's notify script, as the generated keepalived.conf names it
 * @param selfCheck how long the reconcile loop may hold news, or probe rounds stop being counted
 *     beyond their interval, before the daemon dumps its threads and exits for a restart
 */
record DaemonOptions(Path stateDirectory, Path factoryConfig, Path runtimeDirectory, Path leaseDirectory,
        Path tableNames, OwnerTag owner, Duration safetyInterval, Duration selfCheck, Path vrrpNotify) {

    static final Path DEFAULT_RUNTIME_DIRECTORY = Path.of("/run/multihome");
    static final Path DEFAULT_VRRP_NOTIFY = Path.of("/usr/lib/multihome/vrrp-notify");
    static final String USAGE = "daemon [--state-dir DIR] [--factory-config FILE] [--runtime-dir DIR] [--lease-dir DIR]"
            + " [--rt-tables FILE] [--protocol N] [--self-check-seconds N]"
            + " [--vrrp-notify FILE]";

    /** @throws IllegalArgumentException naming the bad option */
    static DaemonOptions parse(String[] args) {
        Path state = Path.of("/var/lib/multihome");
        Path factory = null;
        Path runtime = DEFAULT_RUNTIME_DIRECTORY;
        Path leases = null;
        Path tables = TableNamesFile.DEFAULT;
        OwnerTag owner = OwnerTag.DEFAULT;
        Duration selfCheck = Duration.ofSeconds(30);
        Path vrrpNotify = DEFAULT_VRRP_NOTIFY;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--state-dir" -> state = Path.of(value);
                case "--factory-config" -> factory = Path.of(value);
                case "--runtime-dir" -> runtime = Path.of(value);
                case "--lease-dir" -> leases = Path.of(value);
                case "--rt-tables" -> tables = Path.of(value);
                case "--vrrp-notify" -> vrrpNotify = Path.of(value).toAbsolutePath();
                case "--protocol" -> {
                    try {
                        owner = new OwnerTag(Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--protocol needs a number, not '" + value + "'", e);
                    }
                }
                case "--self-check-seconds" -> selfCheck = Duration.ofSeconds(positive(option, value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new DaemonOptions(state, factory, runtime, leases == null ? runtime.resolve("leases") : leases, tables,
                owner, Duration.ofSeconds(30), selfCheck, vrrpNotify);
    }

    private static long positive(String option, String value) {
        try {
            long n = Long.parseLong(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Answered below, with the option's name.
        }
        throw new IllegalArgumentException(option + " needs a positive number of seconds, not '" + value + "'");
    }
}
