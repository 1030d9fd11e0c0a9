package net.multihome.core.pair;

import java.nio.file.Path;

/**
 * Where the pair's files live: all in the daemon's runtime directory, so keepalived, conntrackd
 * and the notify script find them by the paths the generated configurations name.
 *
 * @param notifyScript keepalived's notify script (packaging/pair/vrrp-notify)
 */
public record PairFiles(Path runtimeDirectory, Path notifyScript) {

    public Path keepalivedConf() {
        return runtimeDirectory.resolve("keepalived.conf");
    }

    public Path conntrackdConf() {
        return runtimeDirectory.resolve("conntrackd.conf");
    }

    /** The value keepalived's track_file reads: 0, or minus the weight while no provider is up. */
    public Path track() {
        return runtimeDirectory.resolve("vrrp-track");
    }

    /** Written by the notify script on each state change. */
    public Path state() {
        return runtimeDirectory.resolve("vrrp-state");
    }

    public Path conntrackdSocket() {
        return runtimeDirectory.resolve("conntrackd.ctl");
    }

    public Path conntrackdLock() {
        return runtimeDirectory.resolve("conntrackd.lock");
    }
}
