package net.multihome.netlink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import net.multihome.netlink.codec.NetlinkMessage;
import net.multihome.netlink.codec.RtnlTypes;
import net.multihome.netlink.socket.Errno;
import net.multihome.netlink.socket.ErrnoException;
import net.multihome.netlink.socket.NetlinkSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to link, address, route, rule (IPv4 and IPv6) and nexthop notifications of one
 * namespace on its own platform daemon thread, and hands each as a {@link NetlinkEvent} to a
 * listener on that thread. After {@code ENOBUFS} the listener gets {@link NetlinkEvent.Overflow}.
 * {@link #close()} stops the thread within {@link #POLL_INTERVAL}.
 */
public final class NetlinkMonitor implements AutoCloseable {

    /** How often the reader checks whether it was closed. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private static final Logger LOG = LoggerFactory.getLogger(NetlinkMonitor.class);
    private static final int RECEIVE_BUFFER = 256 * 1024;
    private static final int RECEIVE_QUEUE = 16 * 1024 * 1024;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);
    private static final int[] GROUPS = {
        RtnlTypes.RTNLGRP_LINK,
        RtnlTypes.RTNLGRP_IPV4_IFADDR, RtnlTypes.RTNLGRP_IPV6_IFADDR,
        RtnlTypes.RTNLGRP_IPV4_ROUTE, RtnlTypes.RTNLGRP_IPV6_ROUTE,
        RtnlTypes.RTNLGRP_IPV4_RULE, RtnlTypes.RTNLGRP_IPV6_RULE,
        RtnlTypes.RTNLGRP_NEXTHOP,
    };

    private final NetlinkSocket socket;
    private final Consumer<? super NetlinkEvent> listener;
    private final Thread reader;
    private volatile boolean running = true;

    private NetlinkMonitor(NetlinkSocket socket, Consumer<? super NetlinkEvent> listener, String name) {
        this.socket = socket;
        this.listener = listener;
        this.reader = Thread.ofPlatform().name(name).daemon().unstarted(this::readLoop);
    }

    /** Starts monitoring the namespace of the calling process. */
    public static NetlinkMonitor start(Consumer<? super NetlinkEvent> listener) {
        return start(null, listener);
    }

    /**
     * Starts monitoring the namespace at {@code netnsPath} (null: the caller's). Subscriptions
     * are in place when this returns, so a change made afterwards is seen.
     */
    public static NetlinkMonitor start(Path netnsPath, Consumer<? super NetlinkEvent> listener) {
        return start(netnsPath, listener, RECEIVE_QUEUE);
    }

    /** As {@link #start(Path, Consumer)} with a given kernel queue size (tests provoke overflows with it). */
    static NetlinkMonitor start(Path netnsPath, Consumer<? super NetlinkEvent> listener, int receiveQueueBytes) {
        Objects.requireNonNull(listener, "listener");
        NetlinkSocket socket;
        try {
            socket = netnsPath == null
                    ? NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, RECEIVE_BUFFER)
                    : NetlinkSocket.open(netnsPath, NetlinkSocket.NETLINK_ROUTE, RECEIVE_BUFFER);
        } catch (ErrnoException e) {
            throw new NetlinkException(e.errno(), null, "open monitor socket: " + e.getMessage());
        }
        try {
            socket.setReceiveQueueSize(receiveQueueBytes);
            socket.setReceiveTimeout(POLL_INTERVAL);
            for (int group : GROUPS) {
                socket.joinGroup(group);
            }
        } catch (ErrnoException e) {
            socket.close();
            throw new NetlinkException(e.errno(), null, "monitor subscriptions: " + e.getMessage());
        }
        NetlinkMonitor monitor = new NetlinkMonitor(socket, listener,
                "netlink-monitor" + (netnsPath == null ? "" : "-" + netnsPath.getFileName()));
        monitor.reader.start();
        return monitor;
    }

    private void readLoop() {
        while (running) {
            try {
                for (NetlinkMessage m : NetlinkMessage.split(socket.receive())) {
                    NetlinkEvent event = EventDecoder.decode(m);
                    if (event != null) {
                        deliver(event);
                    }
                }
            } catch (ErrnoException e) {
                if (e.errno() == Errno.ENOBUFS) {
                    deliver(new NetlinkEvent.Overflow());
                } else if (e.errno() != Errno.EAGAIN) {
                    LOG.warn("netlink monitor stops: {}", e.getMessage());
                    deliver(new NetlinkEvent.Overflow());
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warn("netlink monitor skipped a datagram it could not parse", e);
                deliver(new NetlinkEvent.Overflow());
            }
        }
    }

    private void deliver(NetlinkEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("netlink event listener failed on {}", event, e);
        }
    }

    /** Whether the reader thread is still running. */
    public boolean isRunning() {
        return reader.isAlive();
    }

    /** Stops the reader (it notices within {@link #POLL_INTERVAL}) and closes the socket. */
    @Override
    public void close() {
        running = false;
        try {
            reader.join(JOIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader.isAlive()) {
            // freeing the buffer under a thread still inside recv() would be unsafe: leak it instead
            LOG.warn("netlink monitor thread did not stop within {}; socket left open", JOIN_TIMEOUT);
            return;
        }
        socket.close();
    }
}
