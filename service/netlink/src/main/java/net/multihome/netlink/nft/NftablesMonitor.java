package net.multihome.netlink.nft;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import net.multihome.netlink.NetlinkException;
import net.multihome.netlink.socket.Errno;
import net.multihome.netlink.socket.ErrnoException;
import net.multihome.netlink.socket.NetlinkSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes a listener whenever the namespace's nftables ruleset changes (the nfnetlink group
 * {@code NFNLGRP_NFTABLES}), on its own platform daemon thread: the reconciler then lists its
 * table and repairs it, so a table someone deleted is back at once. The listener learns only
 * that something changed; a lost notification ({@code ENOBUFS}) wakes it too.
 */
public final class NftablesMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NftablesMonitor.class);
    private static final int NETLINK_NETFILTER = 12;
    private static final int NFNLGRP_NFTABLES = 7;
    private static final int RECEIVE_BUFFER = 64 * 1024;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final NetlinkSocket socket;
    private final Runnable changed;
    private final Thread reader;
    private volatile boolean running = true;

    private NftablesMonitor(NetlinkSocket socket, Runnable changed) {
        this.socket = socket;
        this.changed = changed;
        this.reader = Thread.ofPlatform().name("nftables-monitor").daemon().unstarted(this::readLoop);
    }

    /** Starts watching the namespace at {@code netnsPath}, or the caller's when null. */
    public static NftablesMonitor start(Path netnsPath, Runnable changed) {
        Objects.requireNonNull(changed, "changed");
        NetlinkSocket socket;
        try {
            socket = netnsPath == null ? NetlinkSocket.open(NETLINK_NETFILTER, RECEIVE_BUFFER)
                    : NetlinkSocket.open(netnsPath, NETLINK_NETFILTER, RECEIVE_BUFFER);
        } catch (ErrnoException e) {
            throw new NetlinkException(e.errno(), null, "open nftables monitor socket: " + e.getMessage());
        }
        try {
            socket.setReceiveTimeout(POLL_INTERVAL);
            socket.joinGroup(NFNLGRP_NFTABLES);
        } catch (ErrnoException e) {
            socket.close();
            throw new NetlinkException(e.errno(), null, "nftables monitor subscription: " + e.getMessage());
        }
        NftablesMonitor monitor = new NftablesMonitor(socket, changed);
        monitor.reader.start();
        return monitor;
    }

    /** Whether it still watches: false once closed or stopped by a socket error. */
    public boolean watching() {
        return running && reader.isAlive();
    }

    private void readLoop() {
        while (running) {
            try {
                socket.receive();
                notifyListener();
            } catch (ErrnoException e) {
                if (e.errno() == Errno.ENOBUFS) {
                    notifyListener();
                } else if (e.errno() != Errno.EAGAIN) {
                    LOG.warn("nftables monitor stops: {}", e.getMessage());
                    return;
                }
            }
        }
    }

    private void notifyListener() {
        try {
            changed.run();
        } catch (RuntimeException e) {
            LOG.warn("nftables change listener failed", e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            reader.join(JOIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            socket.close();
        }
    }
}
