package net.multihome.snmp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * sysDescr and sysName from the kernel: sysDescr begins {@code Linux <hostname> <release>} so
 * NMS discovery treats the router as Linux, and names multihome and its version.
 */
record SystemDescription(String hostname, String kernelRelease, String machine) {

    /** Reads /proc/sys/kernel (what uname prints); "unknown" where a file cannot be read. */
    static SystemDescription ofThisHost() {
        String machine = read("/proc/sys/kernel/arch");
        return new SystemDescription(read("/proc/sys/kernel/hostname"), read("/proc/sys/kernel/osrelease"),
                machine.equals("unknown") ? System.getProperty("os.arch", "unknown") : machine);
    }

    String sysDescr(String version) {
        return "Linux " + hostname + " " + kernelRelease + " " + machine + " - multihome " + version
                + " multihoming router";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
