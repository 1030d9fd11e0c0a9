package net.multihome.daemon.status;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The status socket ({@code RUNTIME_DIR/status.sock}) on Netty's epoll transport, one event
 * loop thread. The socket file is open to everyone; {@link PeerAccess} decides per connection
 * by the peer's credentials. It only reads immutable snapshots, so it never waits on the daemon.
 */
public final class StatusServer implements AutoCloseable {

    public static final String SOCKET_NAME = "status.sock";

    private final EventLoopGroup group;
    private final Channel channel;
    private final Path socket;

    private StatusServer(EventLoopGroup group, Channel channel, Path socket) {
        this.group = group;
        this.channel = channel;
        this.socket = socket;
    }

    /** Listens on {@code runtimeDirectory/status.sock}, replacing a socket file a previous run left. */
    public static StatusServer start(Path runtimeDirectory, Supplier<StatusReport> status, PeerAccess access,
            InstantSource clock) throws IOException {
        Files.createDirectories(runtimeDirectory);
        Path socket = runtimeDirectory.resolve(SOCKET_NAME);
        Files.deleteIfExists(socket);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("status-socket", true),
                EpollIoHandler.newFactory());
        try {
            Channel channel = new ServerBootstrap().group(group).channel(EpollServerDomainSocketChannel.class)
                    .childHandler(new ChannelInitializer<EpollDomainSocketChannel>() {
                        @Override
                        protected void initChannel(EpollDomainSocketChannel child) {
                            child.pipeline().addLast(new StatusHandler(status, access, clock));
                        }
                    }).bind(new DomainSocketAddress(socket.toFile())).sync().channel();
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            return new StatusServer(group, channel, socket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("interrupted while binding " + socket, e);
        } catch (IOException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e instanceof IOException io ? io : new IOException("cannot listen on " + socket + ": " + e, e);
        }
    }

    public Path socket() {
        return socket;
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // A stale socket file is replaced at the next start.
        }
    }
}
