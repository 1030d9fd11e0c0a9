package net.multihome.snmp.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where MIB files are: ours in the repository's mib/, the IETF base modules (SNMPv2-SMI, -TC,
 * -CONF, -MIB) in $SMI_BASE_DIR, /tmp/anchors-smi-base (filled by
 * /work/shared/bench/smilint-check.sh from npm net-snmp) or snmp-mibs-downloader's directory.
 */
public final class Mibs {

    private Mibs() {
    }

    /** The repository's mib/ directory, found from the module directory upwards. */
    public static Path ourDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("mib").resolve("MULTIHOME-MIB.txt");
            if (Files.isRegularFile(candidate)) {
                return candidate.getParent();
            }
            dir = dir.getParent();
        }
        throw new AssertionError("mib/MULTIHOME-MIB.txt not found above " + Path.of("").toAbsolutePath());
    }

    /** A directory holding SNMPv2-SMI; skips the test when there is none. */
    public static Path baseDirectory() {
        List<String> candidates = new ArrayList<>();
        String env = System.getenv("SMI_BASE_DIR");
        if (env != null) {
            candidates.add(env);
        }
        candidates.addAll(List.of("/tmp/anchors-smi-base", "/usr/share/snmp/mibs/ietf", "/var/lib/mibs/ietf"));
        for (String candidate : candidates) {
            Path dir = Path.of(candidate);
            if (Files.isRegularFile(dir.resolve("SNMPv2-SMI")) || Files.isRegularFile(dir.resolve("SNMPv2-SMI.txt"))) {
                return dir;
            }
        }
        assumeTrue(false, "IETF base MIBs (SNMPv2-SMI ...) not found in " + candidates
                + ": set SMI_BASE_DIR or run /work/shared/bench/smilint-check.sh once");
        return null;
    }

    /** The -M argument for net-snmp tools: our MIB and the base modules only. */
    public static String netSnmpPath() {
        return ourDirectory() + ":" + baseDirectory();
    }
}
