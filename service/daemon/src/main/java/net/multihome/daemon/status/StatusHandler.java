package net.multihome.daemon.status;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.unix.PeerCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to the status socket: checks the peer, reads its request line, answers once
 * and closes. A refused peer is answered after its request too: closing a unix socket with the
 * request unread would reset the connection before the client reads why.
 */
final class StatusHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(StatusHandler.class);
    /** A client that sends no request line within this is dropped. */
    private static final long REQUEST_TIMEOUT_SECONDS = 5;

    private final Supplier<StatusReport> status;
    private final PeerAccess access;
    private final InstantSource clock;
    private final StringBuilder request = new StringBuilder();
    private Optional<String> refusal = Optional.empty();
    private boolean answered;

    StatusHandler(Supplier<StatusReport> status, PeerAccess access, InstantSource clock) {
        this.status = status;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        try {
            PeerCredentials peer = ((EpollDomainSocketChannel) ctx.channel()).peerCredentials();
            refusal = access.refusal(peer.pid(), peer.uid(), peer.gids()[0]);
        } catch (IOException e) {
            refusal = Optional.of("multihome: cannot read the peer's credentials: " + e.getMessage());
        }
        refusal.ifPresent(why -> LOG.info("status socket: {}", why));
        ctx.executor().schedule((Runnable) ctx::close, REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        try {
            if (answered) {
                return;
            }
            request.append(bytes.toString(StandardCharsets.US_ASCII));
        } finally {
            bytes.release();
        }
        int end = request.indexOf("\n");
        if (end >= 0) {
            String line = request.substring(0, end).trim();
            if (refusal.isPresent()) {
                answer(ctx, StatusProtocol.REFUSED, refusal.get() + "\n");
                return;
            }
            switch (line) {
                case StatusProtocol.TEXT -> answer(ctx, StatusProtocol.OK, StatusText.render(status.get(), clock.instant()));
                case StatusProtocol.JSON -> answer(ctx, StatusProtocol.OK, StatusJson.render(status.get()));
                default -> answer(ctx, StatusProtocol.REFUSED, "multihome: unknown status request '" + line + "'\n");
            }
        } else if (request.length() > StatusProtocol.MAX_REQUEST) {
            answer(ctx, StatusProtocol.REFUSED, "multihome: status request too long\n");
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("status socket: {}", cause.toString());
        ctx.close();
    }

    private void answer(ChannelHandlerContext ctx, String outcome, String body) {
        answered = true;
        ctx.writeAndFlush(Unpooled.copiedBuffer(outcome + "\n" + body, StandardCharsets.UTF_8))
                .addListener(ChannelFutureListener.CLOSE);
    }
}
